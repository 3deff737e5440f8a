package dev.supervisor4j.daemon.process;

import dev.supervisor4j.daemon.spawn.RunningChild;
import dev.supervisor4j.daemon.spawn.SpawnCancelled;
import dev.supervisor4j.daemon.spawn.SpawnException;
import dev.supervisor4j.daemon.spawn.SpawnGate;

/**
 * One run of the process tree, from a start (or a SIGHUP restart) to the end of its stop. Once it
 * is stopping, none of its processes is ever started again: no autorestart, no retry, no queued
 * spawn, no late autostart.
 *
 * <p>Design choice: this is the one piece of state that all ProcessActors of a generation share,
 * a flag set once and never cleared. A message to each actor would wait behind whatever is already
 * in their mailboxes (in a crash loop, thousands of exits), and a spawn already queued on the
 * spawner thread would still run. So {@link #stop} is called on the thread that learns of the
 * shutdown (the signal handler, or the root), and the spawner asks {@link #pass} at the fork. A
 * fork under way when the shutdown begins finishes first, spawned line included: whoever logs the
 * shutdown after {@link #stop} returns is logged after every spawn of this generation. A new
 * generation gets a new object, so a restart never reopens an old one.
 */
public final class Generation implements SpawnGate {
  private volatile boolean stopping;

  /** True once the stop of this generation has begun. */
  public boolean stopping() {
    return stopping;
  }

  /** Begins the stop: from now on nothing of this generation spawns. Waits for a fork under way. */
  public synchronized void stop() {
    stopping = true;
  }

  @Override
  public synchronized RunningChild pass(Fork fork) throws SpawnException {
    if (stopping) {
      throw new SpawnCancelled();
    }
    return fork.run();
  }
}
