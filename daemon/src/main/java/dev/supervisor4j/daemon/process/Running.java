package dev.supervisor4j.daemon.process;

import dev.supervisor4j.protocol.ProcessState;
import java.util.List;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;

/** RUNNING: up for longer than {@code startsecs}. Left by its exit (EXITED) or a stop (STOPPING). */
final class Running {
  private Running() {}

  static Behavior<ProcessMsg> enter(ProcessEnv env, ProcessData data,
      List<ActorRef<StatusReply<Done>>> startWaiters, boolean logSuccess) {
    if (logSuccess) {
      ProcessLog.LOG.info("success: {} entered RUNNING state, process has stayed up for > than {} seconds (startsecs)",
          env.name(), env.program().startSecs());
    }
    // supervisord: reaching RUNNING resets the backoff count.
    ProcessData running = data.withBackoff(0);
    env.announce(ProcessState.STARTING, ProcessState.RUNNING, running);
    startWaiters.forEach(ProcessEnv::ack);
    return behavior(env, running);
  }

  private static Behavior<ProcessMsg> behavior(ProcessEnv env, ProcessData data) {
    return Common.build(Common.base(env, ProcessState.RUNNING, data)
        .onMessage(ProcessMsg.ChildExited.class, e -> e.child() == data.child(),
            e -> Exited.enter(env, data, e.status()))
        .onMessage(ProcessMsg.Start.class, start -> Common.alreadyStarted(env, start))
        .onMessage(ProcessMsg.Stop.class, stop -> Stopping.enter(env, data, ProcessState.RUNNING,
            stop.waitFor() ? List.of(stop.replyTo()) : List.of(), stop.waitFor() ? null : stop.replyTo(), stop.waitFor()))
        .onMessage(ProcessMsg.StopForShutdown.class, stop ->
            Stopping.enter(env, data, ProcessState.RUNNING, List.of(stop.replyTo()), null))
        .onMessage(ProcessMsg.SendSignal.class, sig -> Common.signal(env, data, sig))
        .onMessage(ProcessMsg.WriteStdin.class, w -> Common.writeStdin(env, data, w))
        );
  }
}
