package dev.supervisor4j.daemon.process;

import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessState;
import java.util.List;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;

/**
 * UNKNOWN: signalling the child failed in an unexpected way. Starts are refused; the child's exit,
 * if it ever comes, makes it STOPPED.
 */
final class Unknown {
  private Unknown() {}

  static Behavior<ProcessMsg> enter(ProcessEnv env, ProcessData data, List<ActorRef<StatusReply<Done>>> waiters) {
    env.announce(ProcessState.STOPPING, ProcessState.UNKNOWN, data);
    waiters.forEach(w -> ProcessEnv.reject(w, Fault.FAILED, env.namespec()));
    return Common.build(Common.base(env, ProcessState.UNKNOWN, data)
        .onMessage(ProcessMsg.ChildExited.class, e -> e.child() == data.child(),
            e -> Stopped.enter(env, data.ended(env.now(), e.status().rpcExitStatus()), ProcessState.UNKNOWN))
        .onMessage(ProcessMsg.Start.class, start -> {
          ProcessEnv.reject(start.replyTo(), Fault.FAILED, env.name() + " is in an unknown process state");
          return Behaviors.same();
        })
        .onMessage(ProcessMsg.Stop.class, stop -> Common.notRunning(env, stop.replyTo()))
        .onMessage(ProcessMsg.StopForShutdown.class, stop -> {
          ProcessEnv.ack(stop.replyTo());
          return Behaviors.same();
        })
        .onMessage(ProcessMsg.SendSignal.class, sig -> Common.notRunning(env, sig.replyTo()))
        .onMessage(ProcessMsg.WriteStdin.class, w -> Common.notRunning(env, w.replyTo()))
        );
  }
}
