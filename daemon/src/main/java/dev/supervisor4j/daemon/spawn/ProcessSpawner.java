package dev.supervisor4j.daemon.spawn;

/**
 * Makes children. The OS implementation forks real processes; actor tests use a scripted fake.
 * Implementations must not block for long: a spawn is a fork/exec, not a wait.
 */
public interface ProcessSpawner {
  RunningChild spawn(SpawnRequest request) throws SpawnException;
}
