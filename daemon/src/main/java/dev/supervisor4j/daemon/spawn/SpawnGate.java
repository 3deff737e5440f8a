package dev.supervisor4j.daemon.spawn;

/**
 * Decides, at the moment of the fork, whether a queued spawn may still happen. A spawn waits in
 * the spawner's queue; by the time its turn comes, the daemon may have begun to stop, and then it
 * must not run (supervisord starts nothing once shutdown has begun).
 */
@FunctionalInterface
public interface SpawnGate {
  /**
   * Runs {@code fork} unless the gate is closed.
   *
   * @throws SpawnCancelled when closed: nothing was spawned
   */
  RunningChild pass(Fork fork) throws SpawnException;

  /** The spawn itself, run by the gate. */
  @FunctionalInterface
  interface Fork {
    RunningChild run() throws SpawnException;
  }

  /** Always open: for callers that spawn at once. */
  SpawnGate OPEN = Fork::run;
}
