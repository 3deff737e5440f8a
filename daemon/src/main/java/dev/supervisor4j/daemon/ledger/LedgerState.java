package dev.supervisor4j.daemon.ledger;

import dev.supervisor4j.protocol.ProcessState;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One stream of the ledger after its events: the newest events (at most {@code max}, none older than
 * the last trim) and counts that outlive them. Immutable: each event makes a new state, which is
 * what queries get and what snapshots store.
 *
 * @param recent            the kept events, oldest first
 * @param starts            STARTING transitions ever recorded
 * @param unexpectedExits   EXITED with an unexpected status ever recorded
 * @param lastExitStatus    the last exit status seen, null if none
 * @param lastExitMillis    when, 0 if never
 * @param stoppedByOperator {@code group:name} of processes an operator stopped and nobody started since
 */
public record LedgerState(List<LedgerEvent> recent, long starts, long unexpectedExits, Integer lastExitStatus,
    long lastExitMillis, Set<String> stoppedByOperator) implements LedgerSerializable {

  public LedgerState {
    recent = EventWindow.of(recent);
    stoppedByOperator = Set.copyOf(stoppedByOperator);
  }

  public static LedgerState empty() {
    return new LedgerState(EventWindow.empty(), 0, 0, null, 0, Set.of());
  }

  /** The state after {@code e}, keeping at most {@code max} events. */
  public LedgerState apply(LedgerEvent e, int max) {
    if (e instanceof LedgerEvent.StateChanges batch) {
      LedgerState next = this;
      for (LedgerEvent.ProcessStateChanged c : batch.changes()) {
        next = next.apply(c, max);
      }
      return next;
    }
    EventWindow window = (EventWindow) recent;
    if (e instanceof LedgerEvent.HistoryTrimmed t) {
      int first = 0;
      while (first < window.size() && window.get(first).epochMillis() < t.cutoffMillis()) {
        first++;
      }
      return withRecent(window.from(first));
    }
    LedgerState next = withRecent(window.append(e, max));
    if (e instanceof LedgerEvent.ProcessStateChanged c) {
      return next.counting(c);
    }
    if (e instanceof LedgerEvent.OperatorActed a && a.ok() && a.intent() != LedgerEvent.Intent.NONE) {
      Set<String> stopped = new TreeSet<>(stoppedByOperator);
      if (a.intent() == LedgerEvent.Intent.STOPPED) {
        stopped.addAll(a.processes());
      } else {
        stopped.removeAll(a.processes());
      }
      return new LedgerState(next.recent, starts, unexpectedExits, lastExitStatus, lastExitMillis, stopped);
    }
    return next;
  }

  /**
   * The child this process had when its newest state change was recorded, if that change left one
   * running (STARTING, RUNNING, STOPPING) and its STARTING recorded who it is: what a daemon killed
   * at that point may have left behind. Null otherwise.
   */
  public ChildIdentity lastChild() {
    LedgerEvent.ProcessStateChanged newest = null;
    for (int i = recent.size() - 1; i >= 0 && newest == null; i--) {
      if (recent.get(i) instanceof LedgerEvent.ProcessStateChanged c) {
        newest = c;
      }
    }
    if (newest == null || newest.pid() <= 0 || !LIVE.contains(newest.to())) {
      return null;
    }
    for (int i = recent.size() - 1; i >= 0; i--) {
      if (recent.get(i) instanceof LedgerEvent.ProcessStateChanged c && c.pid() == newest.pid() && c.child() != null) {
        return c.child();
      }
    }
    return null;
  }

  private static final Set<ProcessState> LIVE =
      EnumSet.of(ProcessState.STARTING, ProcessState.RUNNING, ProcessState.STOPPING);

  /** The oldest kept event's time, or -1 when there is none. */
  public long oldestMillis() {
    return recent.isEmpty() ? -1 : recent.get(0).epochMillis();
  }

  private LedgerState withRecent(List<LedgerEvent> kept) {
    return new LedgerState(kept, starts, unexpectedExits, lastExitStatus, lastExitMillis, stoppedByOperator);
  }

  private LedgerState counting(LedgerEvent.ProcessStateChanged c) {
    long s = starts + (c.to() == ProcessState.STARTING ? 1 : 0);
    long u = unexpectedExits + (c.to() == ProcessState.EXITED && !c.expected() ? 1 : 0);
    Integer status = c.exitStatus() != null ? c.exitStatus() : lastExitStatus;
    long when = c.exitStatus() != null ? c.epochMillis() : lastExitMillis;
    return new LedgerState(recent, s, u, status, when, stoppedByOperator);
  }
}
