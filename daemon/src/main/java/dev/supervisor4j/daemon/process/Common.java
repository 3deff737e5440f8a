package dev.supervisor4j.daemon.process;

import dev.supervisor4j.daemon.spawn.SpawnException;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.Signal;
import dev.supervisor4j.protocol.SupervisorFault;
import java.io.IOException;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.BehaviorBuilder;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;

/** Handlers that several states share, so each state file shows only what is its own. */
final class Common {
  private Common() {}

  /**
   * Adds the handlers every state answers the same way: info, log reopening, and the kill of the
   * child when the actor stops (so a stopped actor never leaves an orphan behind).
   */
  static BehaviorBuilder<ProcessMsg> base(ProcessEnv env, ProcessState state, ProcessData data) {
    return Behaviors.receive(ProcessMsg.class)
        .onMessage(ProcessMsg.GetInfo.class, get -> {
          env.replyInfo(get);
          return Behaviors.same();
        })
        .onMessage(ProcessMsg.ReopenLogs.class, reopen -> {
          try {
            env.output().reopen(reopen.clear());
            ProcessEnv.ack(reopen.replyTo());
          } catch (IOException e) {
            ProcessEnv.reject(reopen.replyTo(), Fault.FAILED, env.namespec());
          }
          return Behaviors.same();
        })
        .onMessage(ProcessMsg.WriteStdinOf.class, w -> writeStdinOf(env, data, w))
        .onSignal(PostStop.class, stop -> {
          env.slot().close();
          return killOrphan(data);
        });
  }

  /**
   * Ends a state's builder: whatever the state did not handle itself (an older child's late exit,
   * a timer of a state already left) is dropped. Registered last, because the first match wins.
   */
  static Behavior<ProcessMsg> build(BehaviorBuilder<ProcessMsg> builder) {
    return builder
        .onMessage(ProcessMsg.Internal.class, late -> Behaviors.same())
        .build();
  }

  /** The handlers of the stopped states (STOPPED, EXITED, FATAL): nothing runs, a start is allowed. */
  static Behavior<ProcessMsg> stoppedBehavior(ProcessEnv env, ProcessState state, ProcessData data) {
    return build(base(env, state, data)
        .onMessage(ProcessMsg.Start.class, start -> onStart(env, state, data, start))
        .onMessage(ProcessMsg.Stop.class, stop -> notRunning(env, stop.replyTo()))
        .onMessage(ProcessMsg.StopForShutdown.class, stop -> {
          ProcessEnv.ack(stop.replyTo());
          return Behaviors.same();
        })
        .onMessage(ProcessMsg.SendSignal.class, sig -> notRunning(env, sig.replyTo()))
        .onMessage(ProcessMsg.WriteStdin.class, w -> notRunning(env, w.replyTo()))
        );
  }

  /** A start from a stopped state; an operator's start checks the command first (no state change). */
  static Behavior<ProcessMsg> onStart(ProcessEnv env, ProcessState from, ProcessData data, ProcessMsg.Start start) {
    if (env.stopping()) {
      // supervisord refuses every start once its shutdown has begun (a late autostart included).
      start.replyTo().tell(StatusReply.error(new SupervisorFault(Fault.SHUTDOWN_STATE)));
      return Behaviors.same();
    }
    if (start.byRpc()) {
      try {
        env.planner().plan(env.program(), env.group());
      } catch (SpawnException e) {
        ProcessEnv.reject(start.replyTo(), e.fault(), e.getMessage());
        return Behaviors.same();
      }
    }
    return Starting.enter(env, data, from, start);
  }

  static Behavior<ProcessMsg> notRunning(ProcessEnv env, ActorRef<StatusReply<Done>> replyTo) {
    ProcessEnv.reject(replyTo, Fault.NOT_RUNNING, env.namespec());
    return Behaviors.same();
  }

  static Behavior<ProcessMsg> alreadyStarted(ProcessEnv env, ProcessMsg.Start start) {
    ProcessEnv.reject(start.replyTo(), Fault.ALREADY_STARTED, env.namespec());
    return Behaviors.same();
  }

  /** Sends a signal on an operator's request; the caller already checked the state. */
  static Behavior<ProcessMsg> signal(ProcessEnv env, ProcessData data, ProcessMsg.SendSignal sig) {
    try {
      if (data.child() != null) {
        data.child().signal(sig.signal(), false);
      }
      ProcessEnv.ack(sig.replyTo());
    } catch (IllegalStateException e) {
      ProcessEnv.reject(sig.replyTo(), Fault.FAILED, env.namespec() + ": " + e.getMessage());
    }
    return Behaviors.same();
  }

  /** Writes to the child's stdin, off the actor thread (a full pipe must not block the actor). */
  static Behavior<ProcessMsg> writeStdin(ProcessEnv env, ProcessData data, ProcessMsg.WriteStdin w) {
    env.stdin().write(data.child(), w.data(), env.namespec(), w.replyTo());
    return Behaviors.same();
  }

  /** An event for a listener: written only if {@code w.pid()} is still our child. */
  private static Behavior<ProcessMsg> writeStdinOf(ProcessEnv env, ProcessData data, ProcessMsg.WriteStdinOf w) {
    if (data.child() != null && data.child().pid() == w.pid()) {
      env.stdin().write(data.child(), w.data(), env.namespec(), w.replyTo());
    } else {
      ProcessEnv.reject(w.replyTo(), Fault.NOT_RUNNING, env.namespec());
    }
    return Behaviors.same();
  }

  /** Our own actor is stopping (group removed, daemon gone): the child must not outlive it. */
  private static Behavior<ProcessMsg> killOrphan(ProcessData data) {
    if (data.child() != null) {
      try {
        data.child().signal(Signal.KILL, true);
      } catch (IllegalStateException ignored) {
        // Nothing more can be done from a stopping actor; the daemon's exit path kills the rest.
      }
    }
    return Behaviors.same();
  }
}
