package dev.supervisor4j.daemon.process;

import dev.supervisor4j.daemon.spawn.ExitStatus;
import dev.supervisor4j.daemon.spawn.RunningChild;
import dev.supervisor4j.daemon.spawn.SpawnException;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessState;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;

/**
 * STARTING: spawned, waiting out {@code startsecs}. Becomes RUNNING when the timer fires, BACKOFF
 * when the child exits sooner (whatever its exit code), STOPPING on a stop request.
 */
final class Starting {
  private Starting() {}

  /**
   * Spawns the child.
   *
   * @param request the start request that caused this, or null for an autostart/autorestart/retry
   */
  static Behavior<ProcessMsg> enter(ProcessEnv env, ProcessData previous, ProcessState from,
      ProcessMsg.Start request) {
    ProcessData data = previous.starting(env.now());
    RunningChild child;
    try {
      child = env.spawner().spawn(env.planner().plan(env.program(), env.group()));
    } catch (SpawnException e) {
      env.announce(from, ProcessState.STARTING, data);
      ProcessLog.LOG.info("spawnerr: {}", e.getMessage());
      if (request != null) {
        // supervisord: a spawn that fails at once is SPAWN_ERROR, even without wait.
        ProcessEnv.reject(request.replyTo(), Fault.SPAWN_ERROR, env.namespec());
      }
      return Backoff.enter(env, data.withSpawnErr(e.getMessage()), ProcessState.STARTING);
    }
    // Announced after the fork (supervisord announces just before it): nobody can tell, and whoever
    // sees STARTING can rely on the child existing. It carries the new pid (the ledger records it).
    ProcessData spawned = data.spawned(child, data.lastStart());
    env.announce(from, ProcessState.STARTING, spawned);
    ProcessLog.LOG.info("spawned: '{}' with pid {}", env.name(), child.pid());
    env.output().attach(child);
    env.ctx().pipeToSelf(child.onExit(), (status, error) ->
        new ProcessMsg.ChildExited(child, status != null ? status : ExitStatus.exited(-1)));
    List<ActorRef<StatusReply<Done>>> waiters = List.of();
    if (request != null) {
      if (request.waitFor()) {
        waiters = List.of(request.replyTo());
      } else {
        ProcessEnv.ack(request.replyTo());
      }
    }
    if (env.program().startSecs() <= 0) {
      return Running.enter(env, spawned, waiters, true);
    }
    env.timers().startSingleTimer(TimerKey.STATE, ProcessMsg.StartSecsElapsed.INSTANCE,
        Duration.ofSeconds(env.program().startSecs()));
    return behavior(env, spawned, waiters);
  }

  private static Behavior<ProcessMsg> behavior(ProcessEnv env, ProcessData data,
      List<ActorRef<StatusReply<Done>>> waiters) {
    return Common.build(Common.base(env, ProcessState.STARTING, data)
        .onMessage(ProcessMsg.StartSecsElapsed.class, t -> Running.enter(env, data, waiters, true))
        .onMessage(ProcessMsg.ChildExited.class, e -> e.child() == data.child(),
            e -> onExit(env, data, waiters, e.status()))
        .onMessage(ProcessMsg.Start.class, start -> Common.alreadyStarted(env, start))
        .onMessage(ProcessMsg.Stop.class, stop -> {
          abnormal(env, waiters);
          return Stopping.enter(env, data, ProcessState.STARTING, stop.waitFor() ? List.of(stop.replyTo()) : List.of(),
              stop.waitFor() ? null : stop.replyTo(), stop.waitFor());
        })
        .onMessage(ProcessMsg.StopForShutdown.class, stop -> {
          abnormal(env, waiters);
          return Stopping.enter(env, data, ProcessState.STARTING, List.of(stop.replyTo()), null);
        })
        .onMessage(ProcessMsg.SendSignal.class, sig -> Common.signal(env, data, sig))
        .onMessage(ProcessMsg.WriteStdin.class, w -> Common.writeStdin(env, data, w))
        .onMessage(ProcessMsg.Freeze.class, f -> behavior(env, data.freeze(), waiters))
        );
  }

  private static Behavior<ProcessMsg> onExit(ProcessEnv env, ProcessData data,
      List<ActorRef<StatusReply<Done>>> waiters, ExitStatus status) {
    env.timers().cancel(TimerKey.STATE);
    long now = env.now();
    if (now - data.lastStart() >= env.program().startSecs() * 1000L) {
      // Up long enough, but the exit beat our timer: RUNNING (without the success line), then EXITED.
      ProcessData running = data.withBackoff(0);
      env.announce(ProcessState.STARTING, ProcessState.RUNNING, running);
      waiters.forEach(ProcessEnv::ack);
      return Exited.enter(env, running, status);
    }
    // supervisord: an exit before startsecs is a failed start, whatever the exit code.
    ProcessLog.LOG.warn("exited: {} ({}; not expected)", env.name(), status.describe());
    waiters.forEach(w -> ProcessEnv.reject(w, Fault.SPAWN_ERROR, env.namespec()));
    ProcessData failed = data.ended(now, 0).withSpawnErr("Exited too quickly (process log may have details)");
    return Backoff.enter(env, failed, ProcessState.STARTING);
  }

  private static void abnormal(ProcessEnv env, List<ActorRef<StatusReply<Done>>> waiters) {
    waiters.forEach(w -> ProcessEnv.reject(w, Fault.ABNORMAL_TERMINATION, env.namespec()));
  }

  static <T> List<T> append(List<T> list, T item) {
    java.util.ArrayList<T> copy = new java.util.ArrayList<>(list);
    copy.add(item);
    return List.copyOf(copy);
  }
}
