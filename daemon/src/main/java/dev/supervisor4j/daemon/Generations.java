package dev.supervisor4j.daemon;

import dev.supervisor4j.daemon.process.Generation;

/**
 * The generation of the process tree now running, for whoever learns first that it must stop: the
 * signal handler stops it on its own thread, before the root has read its message (which may wait
 * behind a storm of others), so that not one more child is spawned.
 */
public final class Generations {
  private Generation current = new Generation();
  private boolean shutdown;

  /** A new generation for a start or a restart; already stopped once a shutdown was asked for. */
  synchronized Generation next() {
    current = new Generation();
    if (shutdown) {
      current.stop();
    }
    return current;
  }

  /** A restart begins: the current generation stops; the next one will start. */
  public void stopCurrent() {
    Generation g;
    synchronized (this) {
      g = current;
    }
    g.stop();
  }

  /** A shutdown begins: the current generation stops, and so will any later one. */
  public void shutdown() {
    Generation g;
    synchronized (this) {
      shutdown = true;
      g = current;
    }
    g.stop();
  }
}
