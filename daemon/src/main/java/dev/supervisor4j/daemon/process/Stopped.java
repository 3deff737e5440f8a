package dev.supervisor4j.daemon.process;

import dev.supervisor4j.protocol.ProcessState;
import org.apache.pekko.actor.typed.Behavior;

/** STOPPED: never started, or stopped on request. Left only by a start. */
final class Stopped {
  private Stopped() {}

  /** @param from the previous state, or null for a newly created process (no event then) */
  static Behavior<ProcessMsg> enter(ProcessEnv env, ProcessData data, ProcessState from) {
    if (from != null) {
      env.announce(from, ProcessState.STOPPED, data);
    }
    return Common.stoppedBehavior(env, ProcessState.STOPPED, data);
  }
}
