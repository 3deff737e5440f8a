package dev.supervisor4j.daemon.process;

import dev.supervisor4j.protocol.ProcessState;
import java.time.Duration;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * BACKOFF: the last start failed. Waits one second longer after each consecutive failure, then
 * retries (STARTING), or gives up (FATAL) after {@code startretries} retries.
 */
final class Backoff {
  private Backoff() {}

  static Behavior<ProcessMsg> enter(ProcessEnv env, ProcessData failed, ProcessState from) {
    ProcessData data = failed.withBackoff(failed.backoff() + 1);
    env.announce(from, ProcessState.BACKOFF, data);
    if (RestartPolicy.giveUp(env.program(), data.backoff())) {
      return Fatal.enter(env, data, true);
    }
    if (!env.stopping()) {
      env.timers().startSingleTimer(TimerKey.STATE, ProcessMsg.BackoffElapsed.INSTANCE,
          Duration.ofSeconds(data.backoff()));
    }
    return behavior(env, data);
  }

  /** Back in BACKOFF without a new failure: a retry whose spawn the daemon's stop cancelled. */
  static Behavior<ProcessMsg> resume(ProcessEnv env, ProcessData data) {
    return behavior(env, data);
  }

  private static Behavior<ProcessMsg> behavior(ProcessEnv env, ProcessData data) {
    return Common.build(Common.base(env, ProcessState.BACKOFF, data)
        .onMessage(ProcessMsg.BackoffElapsed.class, t -> env.stopping()
            ? Behaviors.same()
            : Starting.enter(env, data, ProcessState.BACKOFF, null))
        .onMessage(ProcessMsg.Start.class, start -> Common.alreadyStarted(env, start))
        .onMessage(ProcessMsg.Stop.class, stop -> {
          // supervisord sends no signal here (there is no child) and keeps the backoff count.
          env.timers().cancel(TimerKey.STATE);
          ProcessLog.LOG.debug("Attempted to kill {}, which is in BACKOFF state.", env.name());
          ProcessEnv.ack(stop.replyTo());
          return Stopped.enter(env, data, ProcessState.BACKOFF);
        })
        .onMessage(ProcessMsg.StopForShutdown.class, stop -> {
          // supervisord: a daemon shutdown turns BACKOFF into FATAL, without a "gave up" line.
          env.timers().cancel(TimerKey.STATE);
          ProcessEnv.ack(stop.replyTo());
          return Fatal.enter(env, data, false);
        })
        .onMessage(ProcessMsg.SendSignal.class, sig -> Common.notRunning(env, sig.replyTo()))
        .onMessage(ProcessMsg.WriteStdin.class, w -> Common.notRunning(env, w.replyTo()))
        );
  }
}
