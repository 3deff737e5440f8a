package dev.supervisor4j.daemon.ledger;

import dev.supervisor4j.protocol.ProcessState;
import java.util.List;

/**
 * What the ledger persists: facts, in the past tense, with the time they happened. Pids and states
 * are history here, never truth: what runs is rebuilt at boot from the config.
 */
public sealed interface LedgerEvent extends LedgerSerializable {
  long epochMillis();

  /**
   * A process changed state.
   *
   * @param exitStatus for EXITED and STOPPED, the exit status; else null
   * @param spawnError for BACKOFF and FATAL, the spawn error; else {@code ""}
   */
  record ProcessStateChanged(String group, String name, ProcessState from, ProcessState to, long epochMillis,
      long pid, Integer exitStatus, boolean expected, String spawnError) implements LedgerEvent {
    public ProcessStateChanged {
      spawnError = spawnError == null ? "" : spawnError;
    }
  }

  /**
   * State changes of one process, in order, written as one journal row: a process stream buffers
   * its changes for up to a second (see {@link LedgerStream}) so that a crash loop costs one row a
   * second per process instead of one per change. Replayed as if each change had been its own event.
   */
  record StateChanges(List<ProcessStateChanged> changes) implements LedgerEvent {
    public StateChanges {
      if (changes.isEmpty()) {
        throw new IllegalArgumentException("an empty batch of state changes");
      }
      changes = List.copyOf(changes);
    }

    /** The newest change's time. */
    @Override
    public long epochMillis() {
      return changes.get(changes.size() - 1).epochMillis();
    }
  }

  /** What an operator action means for {@code remember_stopped}. */
  enum Intent {
    /** Nothing to remember (a signal, a log clear, a failed action). */
    NONE,
    /** The processes were stopped on purpose: keep them stopped across daemon restarts. */
    STOPPED,
    /** The processes were started: forget an earlier stop. */
    STARTED
  }

  /**
   * An operator acted.
   *
   * @param user      the Basic-auth user, the unix-socket peer's user, or {@code ""}
   * @param via       {@code unix}, {@code tcp}, {@code web}, {@code signal}
   * @param action    the XML-RPC method or the signal name
   * @param target    the name given, {@code ""} when none
   * @param processes the {@code group:name} of each process it succeeded on (for remember_stopped)
   * @param intent    what it means for remember_stopped
   */
  record OperatorActed(long epochMillis, String user, String via, String action, String target,
      List<String> processes, Intent intent, boolean ok, String result) implements LedgerEvent {
    public OperatorActed {
      processes = processes == null ? List.of() : List.copyOf(processes);
      intent = intent == null ? Intent.NONE : intent;
    }
  }

  /** A reread found these groups added, changed and removed. */
  record ConfigReloaded(long epochMillis, List<String> added, List<String> changed, List<String> removed)
      implements LedgerEvent {
    public ConfigReloaded {
      added = List.copyOf(added);
      changed = List.copyOf(changed);
      removed = List.copyOf(removed);
    }
  }

  /** The daemon (re)started its processes with this pid. */
  record DaemonStarted(long epochMillis, long pid, String version) implements LedgerEvent {}

  /** The daemon began to stop everything: {@code reason} is the signal or the XML-RPC method. */
  record DaemonStopping(long epochMillis, String reason) implements LedgerEvent {}

  /** Entries older than {@code cutoffMillis} leave the history ({@code retention_days}). */
  record HistoryTrimmed(long epochMillis, long cutoffMillis) implements LedgerEvent {}
}
