package dev.supervisor4j.daemon.process;

import dev.supervisor4j.protocol.ProcessState;

/**
 * A state change of one process, with the values supervisord puts in its PROCESS_STATE_* event. A
 * plain fact: the event system wraps it as {@code events.ProcessStateEvent} and gives it its type.
 *
 * @param process  the process name
 * @param group    the group name
 * @param from     the previous state
 * @param to       the new state
 * @param tries    the backoff count (STARTING and BACKOFF events)
 * @param pid      the pid involved (RUNNING, STOPPING, STOPPED, EXITED), 0 if none
 * @param expected for EXITED: whether the exit status was expected
 * @param epochMillis when it happened
 * @param exitStatus  the last exit status, as {@code exitstatus} in getProcessInfo (for the ledger)
 * @param spawnError  the last spawn error, {@code ""} if none (for the ledger)
 */
public record ProcessEvent(
    String process,
    String group,
    ProcessState from,
    ProcessState to,
    int tries,
    long pid,
    boolean expected,
    long epochMillis,
    int exitStatus,
    String spawnError) {

  /** Without the exit status and spawn error. */
  public ProcessEvent(String process, String group, ProcessState from, ProcessState to, int tries, long pid,
      boolean expected, long epochMillis) {
    this(process, group, from, to, tries, pid, expected, epochMillis, 0, "");
  }
}
