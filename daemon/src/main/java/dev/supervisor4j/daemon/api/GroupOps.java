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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

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

  CompletionStage<List<ProcessResult>> start(List<RootMsg.Member> members, boolean wait) {
    // Members already running are left out, as supervisord only starts those not running.
    return each(members, m -> api.start(m, wait), Fault.ALREADY_STARTED);
  }

  CompletionStage<List<ProcessResult>> stop(List<RootMsg.Member> members, boolean wait) {
    return each(members, m -> api.stop(m, wait), Fault.NOT_RUNNING);
  }

  CompletionStage<List<ProcessResult>> clear(List<RootMsg.Member> members) {
    return each(members, api::clearLogs, null);
  }

  CompletionStage<List<ProcessResult>> signal(List<RootMsg.Member> members, String signal) {
    Optional<Signal> parsed = Signal.parse(signal);
    if (parsed.isPresent()) {
      return each(members, m -> api.signal(m, parsed.get()), Fault.NOT_RUNNING);
    }
    // A bad signal: one BAD_SIGNAL entry per member that could have been signalled.
    SupervisorFault bad = new SupervisorFault(Fault.BAD_SIGNAL, signal);
    return each(members, m -> api.info(m).thenApply(info -> {
      if (!ProcessState.SIGNALLABLE_STATES.contains(info.state())) {
        throw new SupervisorFault(Fault.NOT_RUNNING);
      }
      throw bad;
    }), Fault.NOT_RUNNING);
  }

  /**
   * Runs {@code op} on every member; a member failing with {@code skip} is left out of the result.
   */
  private CompletionStage<List<ProcessResult>> each(List<RootMsg.Member> members,
      Function<RootMsg.Member, CompletionStage<?>> op, Fault skip) {
    List<RootMsg.Member> ordered = new ArrayList<>(members);
    ordered.sort(Comparator.comparingInt(RootMsg.Member::groupPriority)
        .thenComparingInt(m -> m.program().priority()));
    List<ProcessResult> results = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (RootMsg.Member m : ordered) {
      all.add(op.apply(m).handle((ok, error) -> {
        if (error == null) {
          results.add(ProcessResult.ok(m.name(), m.group()));
          return null;
        }
        SupervisorFault fault = faultOf(error);
        if (fault.fault() != skip) {
          results.add(new ProcessResult(m.name(), m.group(), fault.fault(), fault.getMessage()));
        }
        return null;
      }).toCompletableFuture().thenApply(x -> (Void) null));
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .thenApply(v -> {
          synchronized (results) {
            return List.copyOf(results);
          }
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
