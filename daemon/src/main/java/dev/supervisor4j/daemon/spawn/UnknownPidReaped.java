package dev.supervisor4j.daemon.spawn;

/**
 * The reaper collected a process we did not spawn: an orphaned grandchild reparented to us
 * because we are PID 1 or a {@link Subreaper}.
 *
 * @param pid    its pid
 * @param status how it ended
 */
public record UnknownPidReaped(long pid, ExitStatus status) {
  /** supervisord's INFO line: {@code reaped unknown pid 123 (exit status 0)}. */
  public String logMessage() {
    return "reaped unknown pid " + pid + " (" + status.describe() + ")";
  }
}
