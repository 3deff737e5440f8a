package dev.supervisor4j.daemon.process;

import dev.supervisor4j.protocol.ProcessState;
import org.apache.pekko.actor.typed.Behavior;

/** FATAL: gave up after too many failed starts. Left only by an operator's start. */
final class Fatal {
  private Fatal() {}

  static Behavior<ProcessMsg> enter(ProcessEnv env, ProcessData data, boolean logGaveUp) {
    if (logGaveUp) {
      ProcessLog.LOG.info("gave up: {} entered FATAL state, too many start retries too quickly", env.name());
    }
    // supervisord resets the backoff count when it gives up.
    ProcessData reset = data.withBackoff(0);
    env.announce(ProcessState.BACKOFF, ProcessState.FATAL, reset);
    return Common.stoppedBehavior(env, ProcessState.FATAL, reset);
  }
}
