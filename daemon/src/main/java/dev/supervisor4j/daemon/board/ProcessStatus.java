package dev.supervisor4j.daemon.board;

import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessState;

/**
 * What a process last showed: the inputs of its {@link ProcessInfo}, which is made from them at the
 * moment of the read (its {@code now}, {@code description} and uptime depend on the clock).
 *
 * @param lastStart  epoch millis of the last spawn, 0 if never started
 * @param lastStop   epoch millis of the last stop or exit, 0 if never
 * @param exitStatus the RPC {@code exitstatus}
 * @param spawnErr   the last spawn error, {@code ""} if none
 * @param pid        the child's pid, 0 in a state without a child
 */
public record ProcessStatus(
    String group,
    String name,
    ProcessState state,
    long lastStart,
    long lastStop,
    int exitStatus,
    String spawnErr,
    long pid,
    String stdoutLogfile,
    String stderrLogfile) {

  /** A process that was never started. */
  public static ProcessStatus initial(String group, String name, String stdoutLogfile, String stderrLogfile) {
    return new ProcessStatus(group, name, ProcessState.STOPPED, 0, 0, 0, "", 0, stdoutLogfile, stderrLogfile);
  }

  /** getProcessInfo's struct at {@code nowMillis}. */
  public ProcessInfo toInfo(long nowMillis) {
    return new ProcessInfo(name, group, lastStart / 1000, lastStop / 1000, nowMillis / 1000, state, spawnErr,
        exitStatus, stdoutLogfile, stderrLogfile, pid, Descriptions.describe(this, nowMillis));
  }
}
