package dev.supervisor4j.protocol;

/**
 * One line of the daemon's history (the ledger), as {@code history.*} returns it: a process state
 * change, an operator action, or something that happened to the daemon itself. Not part of
 * Supervisor's API: our own {@code history} namespace.
 */
public sealed interface HistoryEntry {
  /** When it happened. */
  long epochMillis();

  /**
   * A process changed state.
   *
   * @param exitStatus  the exit status for EXITED and STOPPED, else null
   * @param expected    for EXITED: whether the status was one of {@code exitcodes}
   * @param spawnError  the spawn error for BACKOFF and FATAL, else {@code ""}
   */
  record StateChange(long epochMillis, String group, String name, ProcessState from, ProcessState to,
      long pid, Integer exitStatus, boolean expected, String spawnError) implements HistoryEntry {
    /** {@code name}, or {@code group:name} when they differ (Supervisor's display name). */
    public String namespec() {
      return group.equals(name) ? name : group + ":" + name;
    }
  }

  /**
   * An operator acted: through XML-RPC (unix socket or TCP), the web console, or a signal.
   *
   * @param user   who: the Basic-auth user, the peer's user on the unix socket, or {@code ""}
   * @param via    {@code unix}, {@code tcp}, {@code web} or {@code signal}
   * @param action the method or signal, such as {@code stopProcess} or {@code SIGTERM}
   * @param target the name acted on, {@code ""} when none
   * @param ok     whether it succeeded
   * @param result {@code OK}, or the fault text
   */
  record Action(long epochMillis, String user, String via, String action, String target, boolean ok,
      String result) implements HistoryEntry {}

  /**
   * The daemon itself: {@code started}, {@code stopping}, {@code config-reloaded}.
   *
   * @param detail free text: the pid, the reason, the added/changed/removed groups
   */
  record Daemon(long epochMillis, String event, String detail) implements HistoryEntry {}
}
