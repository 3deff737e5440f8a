package dev.supervisor4j.daemon.process;

import dev.supervisor4j.daemon.spawn.ExitStatus;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.Signal;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;

/**
 * STOPPING: the stop signal was sent. Becomes STOPPED when the child is reaped; sends SIGKILL
 * every {@code stopwaitsecs} until then, as supervisord does.
 */
final class Stopping {
  private Stopping() {}

  /**
   * @param waiters   answered once the process has stopped
   * @param ackAtOnce answered right after the signal (a stop without wait), or null
   */
  static Behavior<ProcessMsg> enter(ProcessEnv env, ProcessData data, ProcessState from,
      List<ActorRef<StatusReply<Done>>> waiters, ActorRef<StatusReply<Done>> ackAtOnce) {
    return enter(env, data, from, waiters, ackAtOnce, false);
  }

  /** @param operatorWaits an RPC stop with wait: log "waiting for x to stop" while it waits */
  static Behavior<ProcessMsg> enter(ProcessEnv env, ProcessData data, ProcessState from,
      List<ActorRef<StatusReply<Done>>> waiters, ActorRef<StatusReply<Done>> ackAtOnce, boolean operatorWaits) {
    env.timers().cancel(TimerKey.STATE);
    Signal sig = env.program().stopSignal();
    boolean group = env.program().stopAsGroup();
    ProcessLog.LOG.debug("killing {} (pid {}) {}with signal {}", env.name(), data.pid(),
        group ? "process group " : "", sig.name());
    env.announce(from, ProcessState.STOPPING, data);
    if (ackAtOnce != null) {
      ProcessEnv.ack(ackAtOnce);
    }
    try {
      if (!data.child().signal(sig, group)) {
        ProcessLog.LOG.debug("unable to signal {} (pid {}), it probably just exited on its own", env.name(), data.pid());
      }
    } catch (IllegalStateException e) {
      ProcessLog.LOG.error(ProcessLog.CRIT, "unknown problem killing {} ({}):{}", env.name(), data.pid(), e.getMessage());
      return Unknown.enter(env, data, waiters);
    }
    armKill(env);
    if (operatorWaits) {
      report(env);
    }
    return behavior(env, data, waiters);
  }

  /** supervisord logs this while an RPC stop with wait is pending, at most every 2 seconds. */
  private static void report(ProcessEnv env) {
    ProcessLog.LOG.info("waiting for {} to stop", env.name());
    env.timers().startSingleTimer(TimerKey.REPORT, ProcessMsg.StopReport.INSTANCE, Duration.ofSeconds(2));
  }

  private static void armKill(ProcessEnv env) {
    env.timers().startSingleTimer(TimerKey.STATE, ProcessMsg.StopWaitElapsed.INSTANCE,
        Duration.ofSeconds(Math.max(0, env.program().stopWaitSecs())));
  }

  private static Behavior<ProcessMsg> behavior(ProcessEnv env, ProcessData data,
      List<ActorRef<StatusReply<Done>>> waiters) {
    return Common.build(Common.base(env, ProcessState.STOPPING, data)
        .onMessage(ProcessMsg.StopWaitElapsed.class, t -> onStopWaitElapsed(env, data))
        .onMessage(ProcessMsg.StopReport.class, t -> {
          report(env);
          return Behaviors.same();
        })
        .onMessage(ProcessMsg.ChildExited.class, e -> e.child() == data.child(),
            e -> onExit(env, data, waiters, e.status()))
        .onMessage(ProcessMsg.Start.class, start -> Common.alreadyStarted(env, start))
        .onMessage(ProcessMsg.Stop.class, stop -> Common.notRunning(env, stop.replyTo()))
        .onMessage(ProcessMsg.StopForShutdown.class, stop ->
            behavior(env, data, Starting.append(waiters, stop.replyTo())))
        .onMessage(ProcessMsg.SendSignal.class, sig -> Common.signal(env, data, sig))
        .onMessage(ProcessMsg.WriteStdin.class, w -> Common.notRunning(env, w.replyTo()))
        );
  }

  private static Behavior<ProcessMsg> onStopWaitElapsed(ProcessEnv env, ProcessData data) {
    ProcessLog.LOG.warn("killing '{}' ({}) with SIGKILL", env.name(), data.pid());
    try {
      data.child().signal(Signal.KILL, env.program().killAsGroup());
    } catch (IllegalStateException e) {
      ProcessLog.LOG.error(ProcessLog.CRIT, "unknown problem killing {} ({}):{}", env.name(), data.pid(), e.getMessage());
    }
    armKill(env); // supervisord repeats SIGKILL every stopwaitsecs while the process survives it.
    return Behaviors.same();
  }

  private static Behavior<ProcessMsg> onExit(ProcessEnv env, ProcessData data,
      List<ActorRef<StatusReply<Done>>> waiters, ExitStatus status) {
    env.timers().cancel(TimerKey.STATE);
    env.timers().cancel(TimerKey.REPORT);
    if (RestartPolicy.isExpected(env.program(), status)) {
      ProcessLog.LOG.info("stopped: {} ({})", env.name(), status.describe());
    } else {
      ProcessLog.LOG.warn("stopped: {} ({})", env.name(), status.describe());
    }
    ProcessData ended = data.ended(env.now(), status.rpcExitStatus());
    // The STOPPED event carries the pid that just ended.
    env.announce(ProcessState.STOPPING, ProcessState.STOPPED, new ProcessData(ended.lastStart(),
        ended.lastStop(), ended.exitStatus(), ended.spawnErr(), ended.backoff(), data.child()));
    waiters.forEach(ProcessEnv::ack);
    return Common.stoppedBehavior(env, ProcessState.STOPPED, ended);
  }
}
