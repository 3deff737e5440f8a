package dev.supervisor4j.protocol;

/**
 * What {@code getProcessInfo} returns for one process, with supervisord's fields and meanings.
 * Times are epoch seconds (0 = never).
 *
 * @param name          the process name
 * @param group         the group name
 * @param start         when it was last started
 * @param stop          when it last stopped or exited
 * @param now           the server's time when this was taken
 * @param state         the state
 * @param spawnErr      the last spawn error, {@code ""} if none
 * @param exitStatus    the last exit code; -1 after a death by signal; 0 if none
 * @param stdoutLogfile the resolved stdout log path, {@code ""} when NONE
 * @param stderrLogfile the resolved stderr log path, {@code ""} when NONE
 * @param pid           the pid, 0 when not running
 * @param description   the server-computed text supervisorctl prints verbatim
 */
public record ProcessInfo(
    String name,
    String group,
    long start,
    long stop,
    long now,
    ProcessState state,
    String spawnErr,
    int exitStatus,
    String stdoutLogfile,
    String stderrLogfile,
    long pid,
    String description) {

  /** Supervisor's display name: {@code name} when group and name agree, else {@code group:name}. */
  public String namespec() {
    return group.equals(name) ? name : group + ":" + name;
  }
}
