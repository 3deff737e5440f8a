package dev.supervisor4j.daemon.process;

import dev.supervisor4j.daemon.spawn.RunningChild;

/**
 * What changes over a process's life and travels from state to state.
 *
 * @param lastStart  epoch millis of the last spawn, 0 if never started
 * @param lastStop   epoch millis of the last stop or exit, 0 if never
 * @param exitStatus the RPC {@code exitstatus}: the last code, -1 for a signal death, 0 if none
 * @param spawnErr   the last spawn error, {@code ""} if none
 * @param backoff    consecutive failed starts (supervisord's {@code backoff})
 * @param child      the current child, or null
 */
record ProcessData(
    long lastStart,
    long lastStop,
    int exitStatus,
    String spawnErr,
    int backoff,
    RunningChild child) {

  static ProcessData initial() {
    return new ProcessData(0, 0, 0, "", 0, null);
  }

  long pid() {
    return child == null ? 0 : child.pid();
  }

  ProcessData spawned(RunningChild c, long now) {
    return new ProcessData(now, lastStop, exitStatus, "", backoff, c);
  }

  ProcessData starting(long now) {
    return new ProcessData(now, lastStop, exitStatus, "", backoff, null);
  }

  ProcessData ended(long now, int status) {
    return new ProcessData(lastStart, now, status, spawnErr, backoff, null);
  }

  ProcessData withSpawnErr(String err) {
    return new ProcessData(lastStart, lastStop, exitStatus, err, backoff, child);
  }

  ProcessData withBackoff(int n) {
    return new ProcessData(lastStart, lastStop, exitStatus, spawnErr, n, child);
  }

}
