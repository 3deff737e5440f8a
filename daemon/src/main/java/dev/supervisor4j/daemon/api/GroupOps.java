package dev.supervisor4j.daemon.api;

import dev.supervisor4j.daemon.RootMsg;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.Signal;
import dev.supervisor4j.protocol.SupervisorFault;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The group and "all" operations: every member is asked at once, in (group priority, process
 * priority) order, and the result array lists entries in the order they finished, as supervisord's
 * does (entries decided at once first, waited-for ones as they complete).
 */
final class GroupOps {
  private final ActorSupervisorApi api;

  GroupOps(ActorSupervisorApi api) {
    this.api = api;
  }

  /** Faults supervisord's startProcess raises before it spawns: decided at once, not waited for. */
  private static final Set<Fault> BEFORE_SPAWN = EnumSet.of(Fault.NO_FILE, Fault.NOT_EXECUTABLE, Fault.FAILED);

  CompletionStage<List<ProcessResult>> start(List<RootMsg.Member> members, boolean wait) {
    // Members already running are left out, as supervisord only starts those not running.
    return each(members, m -> api.start(m, wait), Fault.ALREADY_STARTED,
        f -> !wait || BEFORE_SPAWN.contains(f));
  }

  CompletionStage<List<ProcessResult>> stop(List<RootMsg.Member> members, boolean wait) {
    return each(members, m -> api.stop(m, wait), Fault.NOT_RUNNING, f -> !wait || f == Fault.FAILED);
  }

  CompletionStage<List<ProcessResult>> clear(List<RootMsg.Member> members) {
    return each(members, api::clearLogs, null, f -> true);
  }

  CompletionStage<List<ProcessResult>> signal(List<RootMsg.Member> members, String signal) {
    Optional<Signal> parsed = Signal.parse(signal);
    if (parsed.isPresent()) {
      return each(members, m -> api.signal(m, parsed.get()), Fault.NOT_RUNNING, f -> true);
    }
    // A bad signal: one BAD_SIGNAL entry per member that could have been signalled.
    SupervisorFault bad = new SupervisorFault(Fault.BAD_SIGNAL, signal);
    return each(members, m -> api.info(m).thenApply(info -> {
      if (!ProcessState.SIGNALLABLE_STATES.contains(info.state())) {
        throw new SupervisorFault(Fault.NOT_RUNNING);
      }
      throw bad;
    }), Fault.NOT_RUNNING, f -> true);
  }

  /**
   * Runs {@code op} on every member at once; a member failing with {@code skip} is left out. The
   * array lists first the entries decided at once, in iteration order, then the waited-for ones in
   * the order they finished, as supervisord builds it.
   *
   * @param atOnce whether an entry with this outcome ({@link Fault#SUCCESS} for success) was decided
   *               without waiting
   */
  private CompletionStage<List<ProcessResult>> each(List<RootMsg.Member> members,
      Function<RootMsg.Member, CompletionStage<?>> op, Fault skip, Predicate<Fault> atOnce) {
    List<RootMsg.Member> ordered = new ArrayList<>(members);
    ordered.sort(Comparator.comparingInt(RootMsg.Member::groupPriority)
        .thenComparingInt(m -> m.program().priority()));
    ProcessResult[] immediate = new ProcessResult[ordered.size()];
    List<ProcessResult> waited = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      RootMsg.Member m = ordered.get(i);
      int slot = i;
      all.add(op.apply(m).handle((ok, error) -> {
        ProcessResult r;
        if (error == null) {
          r = ProcessResult.ok(m.name(), m.group());
        } else {
          SupervisorFault fault = faultOf(error);
          if (fault.fault() == skip) {
            return null;
          }
          r = new ProcessResult(m.name(), m.group(), fault.fault(), fault.getMessage());
        }
        if (atOnce.test(r.status())) {
          immediate[slot] = r;
        } else {
          waited.add(r);
        }
        return null;
      }).toCompletableFuture().thenApply(x -> (Void) null));
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(v -> {
      List<ProcessResult> out = new ArrayList<>();
      for (ProcessResult r : immediate) {
        if (r != null) {
          out.add(r);
        }
      }
      synchronized (waited) {
        out.addAll(waited);
      }
      return List.copyOf(out);
    });
  }

  static SupervisorFault faultOf(Throwable error) {
    Throwable t = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (t instanceof SupervisorFault) {
      return (SupervisorFault) t;
    }
    return new SupervisorFault(Fault.FAILED, t.getClass().getName() + ":" + t.getMessage());
  }

}
