package dev.supervisor4j.daemon.ledger;

import dev.supervisor4j.daemon.process.ProcessEvent;
import dev.supervisor4j.protocol.ProcessState;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The one place the ledger depends on the event hub: subscribes as a {@link ProcessEvent} listener
 * and turns each state change into a {@link LedgerEvent.ProcessStateChanged} record.
 */
public final class ProcessEventFeed {
  private ProcessEventFeed() {}

  public static Behavior<ProcessEvent> create(ActorRef<LedgerMsg> ledger) {
    return Behaviors.receiveMessage(e -> {
      ledger.tell(new LedgerMsg.Record(toLedger(e)));
      return Behaviors.same();
    });
  }

  static LedgerEvent.ProcessStateChanged toLedger(ProcessEvent e) {
    // The exit status means something only when a child has just ended; the spawn error only when
    // a start failed. Elsewhere ProcessData still carries the previous run's values.
    boolean ended = e.to() == ProcessState.EXITED
        || (e.to() == ProcessState.STOPPED && e.from() == ProcessState.STOPPING);
    boolean failedStart = e.to() == ProcessState.BACKOFF || e.to() == ProcessState.FATAL;
    // A new child: who it is in /proc, read while it is still ours (running, or a zombie not yet
    // reaped); if it is already gone, nobody needs to find it after a crash.
    ChildIdentity child = e.to() == ProcessState.STARTING && e.pid() > 0
        ? ChildIdentity.ofChild(e.pid(), SELF) : null;
    return new LedgerEvent.ProcessStateChanged(e.group(), e.process(), e.from(), e.to(), e.epochMillis(),
        e.pid(), ended ? e.exitStatus() : null, e.expected(),
        failedStart && e.spawnError() != null ? e.spawnError() : "", child);
  }

  private static final long SELF = ProcessHandle.current().pid();
}
