package dev.supervisor4j.daemon.spawn;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Makes children. The OS implementation forks real processes; actor tests use a scripted fake.
 * Implementations must not block for long: a spawn is a fork/exec, not a wait.
 */
public interface ProcessSpawner {
  RunningChild spawn(SpawnRequest request) throws SpawnException;

  /**
   * Spawns without making the caller wait: an actor pipes the result to itself, so a queue of
   * spawns never holds a dispatcher thread. The fork happens inside {@code gate} (which may refuse
   * it with {@link SpawnCancelled}). This default spawns at once, on the caller's thread.
   *
   * @param urgent someone asked for this start (an operator, an autostart): it goes before the
   *               queued autorestarts and retries
   */
  default CompletionStage<RunningChild> spawnLater(SpawnRequest request, SpawnGate gate, boolean urgent) {
    try {
      return CompletableFuture.completedFuture(gate.pass(() -> spawn(request)));
    } catch (SpawnException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
