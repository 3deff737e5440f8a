package dev.supervisor4j.daemon.ledger;

import dev.supervisor4j.protocol.ProcessState;
import java.util.List;

/**
 * What the ledger persists: facts, in the past tense, with the time they happened. Pids and states
 * are history here, never truth: what runs is rebuilt at boot from the config (the one use of a
 * recorded pid is to find the children a crashed daemon left behind, see {@link ChildIdentity}).
 *
 * <p>Every text is capped at {@link #MAX_TEXT} characters when the event is made ({@link #capped}):
 * names and messages come from callers (a 70,000-character name to {@code startProcess} is recorded
 * as a failed action), and what is recorded must stay small enough for any journal row and for
 * every reader.
 */
public sealed interface LedgerEvent extends LedgerSerializable {
  /** The most characters of one text kept in the ledger; the rest is replaced by a marker. */
  int MAX_TEXT = 1000;

  long epochMillis();

  /**
   * {@code text} (null as {@code ""}) when it has at most {@link #MAX_TEXT} characters; else its
   * start and a marker {@code …[truncated N chars]}, {@link #MAX_TEXT} characters in all (so that
   * capping again changes nothing). A cut never splits a surrogate pair.
   */
  static String capped(String text) {
    if (text == null) {
      return "";
    }
    if (text.length() <= MAX_TEXT) {
      return text;
    }
    int keep = MAX_TEXT - marker(text.length() - MAX_TEXT).length();
    keep = MAX_TEXT - marker(text.length() - keep).length(); // the count may have one digit more
    if (Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--;
    }
    return text.substring(0, keep) + marker(text.length() - keep);
  }

  private static String marker(int cut) {
    return "\u2026[truncated " + cut + " chars]";
  }

  /** Each of {@code texts} {@link #capped}. */
  static List<String> cappedAll(List<String> texts) {
    return texts == null ? List.of() : texts.stream().map(LedgerEvent::capped).toList();
  }

  /**
   * A process changed state.
   *
   * @param pid        the child's pid (STARTING: the new child's), 0 if none
   * @param exitStatus for EXITED and STOPPED, the exit status; else null
   * @param spawnError for BACKOFF and FATAL, the spawn error; else {@code ""}
   * @param child      for STARTING, who the new child is in {@code /proc} (to find it again after
   *                   a crash of the daemon); else null, also when it was gone before it was read
   */
  record ProcessStateChanged(String group, String name, ProcessState from, ProcessState to, long epochMillis,
      long pid, Integer exitStatus, boolean expected, String spawnError, ChildIdentity child)
      implements LedgerEvent {
    public ProcessStateChanged {
      group = capped(group);
      name = capped(name);
      spawnError = capped(spawnError);
    }

    /** Without the child's identity. */
    public ProcessStateChanged(String group, String name, ProcessState from, ProcessState to, long epochMillis,
        long pid, Integer exitStatus, boolean expected, String spawnError) {
      this(group, name, from, to, epochMillis, pid, exitStatus, expected, spawnError, null);
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
      user = capped(user);
      via = capped(via);
      action = capped(action);
      target = capped(target);
      processes = cappedAll(processes);
      intent = intent == null ? Intent.NONE : intent;
      result = capped(result);
    }
  }

  /** A reread found these groups added, changed and removed. */
  record ConfigReloaded(long epochMillis, List<String> added, List<String> changed, List<String> removed)
      implements LedgerEvent {
    public ConfigReloaded {
      added = cappedAll(added);
      changed = cappedAll(changed);
      removed = cappedAll(removed);
    }
  }

  /** The daemon (re)started its processes with this pid. */
  record DaemonStarted(long epochMillis, long pid, String version) implements LedgerEvent {
    public DaemonStarted {
      version = capped(version);
    }
  }

  /** The daemon began to stop everything: {@code reason} is the signal or the XML-RPC method. */
  record DaemonStopping(long epochMillis, String reason) implements LedgerEvent {
    public DaemonStopping {
      reason = capped(reason);
    }
  }

  /**
   * At start-up, a child of the previous run (whose daemon was killed) was still alive and was
   * stopped before anything was started again.
   *
   * @param how what it took: {@code SIGTERM}, or {@code SIGTERM, then SIGKILL}; {@code still alive}
   *            when even SIGKILL did not end it in time
   */
  record OrphanStopped(long epochMillis, String group, String name, long pid, String how) implements LedgerEvent {
    public OrphanStopped {
      group = capped(group);
      name = capped(name);
      how = capped(how);
    }
  }

  /**
   * Stands in the journal for an event that could not be serialised: the row exists, its content
   * is lost, and {@code history} says so. Never made on purpose, only read back.
   */
  record Unrecorded(long epochMillis, String reason) implements LedgerEvent {
    public Unrecorded {
      reason = capped(reason);
    }
  }

  /** Entries older than {@code cutoffMillis} leave the history ({@code retention_days}). */
  record HistoryTrimmed(long epochMillis, long cutoffMillis) implements LedgerEvent {}
}
