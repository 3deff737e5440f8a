package dev.supervisor4j.daemon.spawn;

import dev.supervisor4j.protocol.Fault;

/**
 * A start that failed before or while forking. The message is Supervisor's spawnerr text (for
 * example {@code can't find command 'nosuch'}), and the fault is what RPC startProcess raises.
 */
public class SpawnException extends Exception {
  private final Fault fault;

  public SpawnException(Fault fault, String spawnErr) {
    super(spawnErr);
    this.fault = fault;
  }

  public Fault fault() {
    return fault;
  }
}
