package dev.supervisor4j.daemon.spawn;

import dev.supervisor4j.protocol.Fault;

/** A queued spawn that its {@link SpawnGate} refused: nothing was forked. */
public final class SpawnCancelled extends SpawnException {
  public SpawnCancelled() {
    super(Fault.SHUTDOWN_STATE, "cancelled: supervisord is stopping");
  }
}
