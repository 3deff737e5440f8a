package dev.supervisor4j.http.web;

import dev.supervisor4j.protocol.Failures;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.SupervisorApi;
import dev.supervisor4j.protocol.SupervisorFault;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * The console's state changes, each one {@link SupervisorApi} call (or two, for restart) with
 * supervisord's wait semantics, ending in the flash message supervisord's page shows
 * ({@code Process web stopped}, {@code ERROR: Process web: already started}, ...).
 *
 * <p>A target is a process ({@code web}, {@code grp:web}), a whole group ({@code grp:*}) or
 * everything ({@code *}). Deviation: a restart whose start fails reports the failure; supervisord's
 * page says "restarted" whatever happened.
 */
final class Actions {
  /** What the operator asked for. */
  enum Action {
    START, STOP, RESTART, CLEARLOG, SIGNAL;

    static Optional<Action> parse(String text) {
      for (Action a : values()) {
        if (a.name().equalsIgnoreCase(text)) {
          return Optional.of(a);
        }
      }
      return Optional.empty();
    }

    String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The result: success or not, the fault if any, and the text to flash. */
  record Outcome(boolean ok, Fault fault, String message) {
    static Outcome ok(String message) {
      return new Outcome(true, null, message);
    }
  }

  private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

  private final SupervisorApi api;

  Actions(SupervisorApi api) {
    this.api = api;
  }

  /** Runs {@code action} on {@code target}; never fails: faults become the outcome. */
  CompletionStage<Outcome> run(Action action, String target, String signal) {
    CompletionStage<Outcome> done;
    try {
      if (target.equals("*")) {
        done = onAll(action, signal);
      } else if (target.endsWith(":*")) {
        done = onGroup(action, target.substring(0, target.length() - 2), signal);
      } else {
        done = onProcess(action, target, signal);
      }
    } catch (RuntimeException e) {
      done = CompletableFuture.failedFuture(e);
    }
    return done.exceptionally(error -> failure(action, target, error));
  }

  private CompletionStage<Outcome> onProcess(Action action, String name, String signal) {
    return switch (action) {
      case START -> api.startProcess(name, true).thenApply(ok -> Outcome.ok("Process " + name + " started"));
      case STOP -> api.stopProcess(name, true).thenApply(ok -> Outcome.ok("Process " + name + " stopped"));
      case RESTART -> api.stopProcess(name, true)
          .exceptionallyCompose(error -> notRunning(error) ? CompletableFuture.completedFuture(true)
              : CompletableFuture.failedFuture(error))
          .thenCompose(stopped -> api.startProcess(name, true))
          .thenApply(ok -> Outcome.ok("Process " + name + " restarted"));
      case CLEARLOG -> api.clearProcessLogs(name).thenApply(ok -> Outcome.ok("Log for " + name + " cleared"));
      case SIGNAL -> api.signalProcess(name, signal)
          .thenApply(ok -> Outcome.ok("Signal " + signal + " sent to " + name));
    };
  }

  private CompletionStage<Outcome> onGroup(Action action, String group, String signal) {
    String who = "Group " + group;
    return switch (action) {
      case START -> results(api.startProcessGroup(group, true), who + " started");
      case STOP -> results(api.stopProcessGroup(group, true), who + " stopped");
      case RESTART -> api.stopProcessGroup(group, true)
          .thenCompose(stopped -> results(api.startProcessGroup(group, true), who + " restarted"));
      case CLEARLOG -> CompletableFuture.failedFuture(new SupervisorFault(Fault.BAD_NAME, group + ":*"));
      case SIGNAL -> results(api.signalProcessGroup(group, signal), "Signal " + signal + " sent to " + who);
    };
  }

  private CompletionStage<Outcome> onAll(Action action, String signal) {
    String at = " at " + CTIME.format(LocalDateTime.now());
    return switch (action) {
      case START -> results(api.startAllProcesses(true), "All started" + at);
      case STOP -> results(api.stopAllProcesses(true), "All stopped" + at);
      case RESTART -> api.stopAllProcesses(true)
          .thenCompose(stopped -> results(api.startAllProcesses(true), "All restarted" + at));
      case CLEARLOG -> results(api.clearAllProcessLogs(), "All logs cleared" + at);
      case SIGNAL -> results(api.signalAllProcesses(signal), "Signal " + signal + " sent to all" + at);
    };
  }

  /** A group or "all" call: success when every entry succeeded, else the failed entries. */
  private static CompletionStage<Outcome> results(CompletionStage<List<ProcessResult>> call, String message) {
    return call.thenApply(results -> {
      List<ProcessResult> failed = results.stream().filter(r -> r.status() != Fault.SUCCESS).toList();
      if (failed.isEmpty()) {
        return Outcome.ok(message);
      }
      String detail = failed.stream()
          .map(r -> (r.group().equals(r.name()) ? r.name() : r.group() + ":" + r.name()) + ": " + r.description())
          .collect(Collectors.joining(", "));
      return new Outcome(false, failed.get(0).status(), "ERROR: " + detail);
    });
  }

  private static boolean notRunning(Throwable error) {
    return Failures.unwrap(error) instanceof SupervisorFault f && f.fault() == Fault.NOT_RUNNING;
  }

  /** The outcome of a read about {@code target} that failed with {@code error} (wrapped or not). */
  static Outcome failure(String target, Throwable error) {
    return failure(null, target, error);
  }

  /** The outcome of {@code action} (null: a read) that failed with {@code error} (wrapped or not). */
  static Outcome failure(Action action, String target, Throwable error) {
    if (!(Failures.unwrap(error) instanceof SupervisorFault fault)) {
      return new Outcome(false, null, "ERROR: " + Failures.unwrap(error).getMessage());
    }
    if (fault.fault() == Fault.BAD_NAME) {
      return new Outcome(false, Fault.BAD_NAME, "No such process named " + target);
    }
    if (action == Action.START || action == Action.RESTART) {
      String reason = switch (fault.fault()) {
        case NO_FILE -> "no such file";
        case NOT_EXECUTABLE -> "file not executable";
        case ALREADY_STARTED -> "already started";
        case SPAWN_ERROR -> "spawn error";
        case ABNORMAL_TERMINATION -> "abnormal termination";
        default -> null;
      };
      if (reason != null) {
        return new Outcome(false, fault.fault(), "ERROR: Process " + target + ": " + reason);
      }
    }
    return new Outcome(false, fault.fault(),
        "ERROR: unexpected rpc fault [" + fault.fault().code() + "] " + fault.getMessage());
  }
}
