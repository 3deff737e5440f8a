package dev.supervisor4j.daemon.process;

import dev.supervisor4j.daemon.spawn.ExitStatus;
import dev.supervisor4j.daemon.spawn.RunningChild;
import dev.supervisor4j.daemon.spawn.SpawnCancelled;
import dev.supervisor4j.daemon.spawn.SpawnException;
import dev.supervisor4j.daemon.spawn.SpawnRequest;
import dev.supervisor4j.protocol.Failures;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.Signal;
import dev.supervisor4j.protocol.SupervisorFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.pattern.StatusReply;

/**
 * STARTING: spawned, waiting out {@code startsecs}. Becomes RUNNING when the timer fires, BACKOFF
 * when the child exits sooner (whatever its exit code), STOPPING on a stop request. Before it, a
 * short wait for the spawner (see {@link #enter}).
 */
final class Starting {
  private Starting() {}

  /** Commands that arrive while a spawn is under way wait for its outcome; a few thousand at most. */
  private static final int STASH_CAPACITY = 10_000;

  /**
   * Asks the spawner for a child and waits for it without blocking: the spawn is queued on the
   * spawner thread and its outcome comes back as a message.
   *
   * @param request the start request that caused this, or null for an autostart/autorestart/retry
   */
  static Behavior<ProcessMsg> enter(ProcessEnv env, ProcessData previous, ProcessState from,
      ProcessMsg.Start request) {
    ProcessData data = previous.starting(env.now());
    SpawnRequest plan;
    try {
      plan = env.planner().plan(env.program(), env.group());
    } catch (SpawnException e) {
      return spawnFailed(env, data, from, request, e);
    }
    if (env.socket() != null) {
      plan = plan.withSocket(env.socket());
    }
    CompletionStage<RunningChild> child = env.spawner().spawnLater(plan, fork -> env.generation().pass(() -> {
      RunningChild spawned = fork.run();
      // Logged inside the gate: once a shutdown is logged, no spawn of this generation follows it.
      ProcessLog.LOG.info("spawned: '{}' with pid {}", env.name(), spawned.pid());
      return spawned;
    }), request != null);
    env.ctx().pipeToSelf(child, (spawned, error) -> spawned != null
        ? new ProcessMsg.Spawned(spawned)
        : new ProcessMsg.SpawnFailed(Failures.unwrap(error)));
    return Behaviors.withStash(STASH_CAPACITY, stash -> spawning(env, previous, data, from, request, child, stash));
  }

  /**
   * Between the request and the fork. Reads answer the state before the fork (STARTING is
   * announced once the child exists); every other command waits for the outcome, as if the actor
   * had forked at once.
   */
  private static Behavior<ProcessMsg> spawning(ProcessEnv env, ProcessData previous, ProcessData data,
      ProcessState from, ProcessMsg.Start request, CompletionStage<RunningChild> child,
      StashBuffer<ProcessMsg> stash) {
    return Behaviors.receive(ProcessMsg.class)
        .onMessage(ProcessMsg.Spawned.class, s -> stash.unstashAll(spawned(env, data, from, request, s.child())))
        .onMessage(ProcessMsg.SpawnFailed.class, f -> stash.unstashAll(f.error() instanceof SpawnCancelled
            ? cancelled(env, previous, from, request)
            : spawnFailed(env, data, from, request, f.error())))
        .onMessage(ProcessMsg.GetInfo.class, get -> {
          env.replyInfo(get); // the board still shows the state before the request
          return Behaviors.same();
        })
        .onMessage(ProcessMsg.WriteStdinOf.class, w -> Common.notRunning(env, w.replyTo()))
        .onMessage(ProcessMsg.Command.class, command -> {
          stash.stash(command);
          return Behaviors.same();
        })
        .onMessage(ProcessMsg.Internal.class, late -> Behaviors.same())
        // Our actor stops before the fork's outcome: the child must not outlive it.
        .onSignal(PostStop.class, stop -> {
          env.slot().close();
          child.thenAccept(c -> c.signal(Signal.KILL, true));
          return Behaviors.same();
        })
        .build();
  }

  private static Behavior<ProcessMsg> spawned(ProcessEnv env, ProcessData data, ProcessState from,
      ProcessMsg.Start request, RunningChild child) {
    // Announced after the fork (supervisord announces just before it): nobody can tell, and whoever
    // sees STARTING can rely on the child existing. It carries the new pid (the ledger records it).
    ProcessData spawned = data.spawned(child, data.lastStart());
    env.announce(from, ProcessState.STARTING, spawned);
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

  private static Behavior<ProcessMsg> spawnFailed(ProcessEnv env, ProcessData data, ProcessState from,
      ProcessMsg.Start request, Throwable error) {
    String spawnErr = error.getMessage() != null ? error.getMessage() : error.toString();
    env.announce(from, ProcessState.STARTING, data);
    ProcessLog.LOG.info("spawnerr: {}", spawnErr);
    if (request != null) {
      // supervisord: a spawn that fails at once is SPAWN_ERROR, even without wait.
      ProcessEnv.reject(request.replyTo(), Fault.SPAWN_ERROR, env.namespec());
    }
    return Backoff.enter(env, data.withSpawnErr(spawnErr), ProcessState.STARTING);
  }

  /** The daemon began to stop before the fork: nothing happened, the process stays as it was. */
  private static Behavior<ProcessMsg> cancelled(ProcessEnv env, ProcessData previous, ProcessState from,
      ProcessMsg.Start request) {
    if (request != null) {
      request.replyTo().tell(StatusReply.error(new SupervisorFault(Fault.SHUTDOWN_STATE)));
    }
    return from == ProcessState.BACKOFF
        ? Backoff.resume(env, previous)
        : Common.stoppedBehavior(env, from, previous);
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
    ArrayList<T> copy = new ArrayList<>(list);
    copy.add(item);
    return List.copyOf(copy);
  }
}
