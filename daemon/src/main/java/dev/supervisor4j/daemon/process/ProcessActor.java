package dev.supervisor4j.daemon.process;

import dev.supervisor4j.daemon.board.ProcessStatus;
import dev.supervisor4j.daemon.board.StatusBoard;
import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.daemon.spawn.ProcessSpawner;
import dev.supervisor4j.daemon.spawn.SharedSocket;
import java.time.Clock;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * One supervised process. Each supervisord state is its own behaviour (Stopped, Starting, Running,
 * Backoff, Stopping, Exited, Fatal, Unknown); a child's exit arrives as a message.
 *
 * <p>Pekko supervision is only for our own bugs: a handler that throws is resumed, so the actor keeps
 * its state and keeps tracking its child (the bad message is dropped). When the actor stops for
 * good, its child is killed rather than orphaned.
 */
public final class ProcessActor {
  private ProcessActor() {}

  /** Like {@link #create(ProgramConfig, String, ProcessSpawner, SpawnPlanner, ChildOutput, Consumer, Clock,
   * Generation, StatusBoard)}, telling each state change to {@code events}. */
  public static Behavior<ProcessMsg> create(ProgramConfig program, String group, ProcessSpawner spawner,
      SpawnPlanner planner, ChildOutput output, ActorRef<ProcessEvent> events, Clock clock,
      Generation generation, StatusBoard board) {
    return create(program, group, spawner, planner, output, (Consumer<ProcessEvent>) events::tell, clock,
        generation, board);
  }

  /**
   * Puts the process on the board (STOPPED) and makes its actor.
   *
   * @param events     told each state change (the event hub, through {@code EventHub.changesTo})
   * @param generation the run of the tree this process belongs to: nothing starts once it stops
   * @param board      where the process shows each transition
   */
  public static Behavior<ProcessMsg> create(ProgramConfig program, String group, ProcessSpawner spawner,
      SpawnPlanner planner, ChildOutput output, Consumer<ProcessEvent> events, Clock clock,
      Generation generation, StatusBoard board) {
    return create(program, group, spawner, planner, output, events, clock, generation, board, null);
  }

  /**
   * The same, for a process of an {@code [fcgi-program:x]}: each spawn gets {@code socket} (its
   * group's, shared by all its processes) as fd 0.
   */
  public static Behavior<ProcessMsg> create(ProgramConfig program, String group, ProcessSpawner spawner,
      SpawnPlanner planner, ChildOutput output, Consumer<ProcessEvent> events, Clock clock,
      Generation generation, StatusBoard board, SharedSocket socket) {
    // On the board at once, before the actor runs: whoever made it can read it there next.
    StatusBoard.Slot slot = board.open(
        ProcessStatus.initial(group, program.name(), output.stdoutPath(), output.stderrPath()));
    Behavior<ProcessMsg> actor = Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      ProcessEnv env = new ProcessEnv(ctx, timers, program, group, spawner, planner, output, events, clock,
          new StdinWriter(), generation, slot, socket);
      return Stopped.enter(env, ProcessData.initial(), null);
    }));
    return Behaviors.supervise(actor).onFailure(Exception.class, SupervisorStrategy.resume());
  }
}
