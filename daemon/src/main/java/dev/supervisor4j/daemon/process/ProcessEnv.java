package dev.supervisor4j.daemon.process;

import dev.supervisor4j.daemon.board.ProcessStatus;
import dev.supervisor4j.daemon.board.StatusBoard;
import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.daemon.spawn.ProcessSpawner;
import dev.supervisor4j.daemon.spawn.SharedSocket;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.SupervisorFault;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.pattern.StatusReply;

/**
 * What every state of one ProcessActor shares and never changes: its context and timers, its
 * config, and its collaborators. Only {@link ProcessData} travels between states. {@code socket} is
 * the group's FastCGI socket (every spawn passes it as fd 0), or null for any other kind of group.
 */
record ProcessEnv(
    ActorContext<ProcessMsg> ctx,
    TimerScheduler<ProcessMsg> timers,
    ProgramConfig program,
    String group,
    ProcessSpawner spawner,
    SpawnPlanner planner,
    ChildOutput output,
    Consumer<ProcessEvent> events,
    Clock clock,
    StdinWriter stdin,
    Generation generation,
    StatusBoard.Slot slot,
    SharedSocket socket) {

  /** The states in which getProcessInfo shows the child's pid; 0 in the others, as supervisord. */
  private static final Set<ProcessState> HAS_CHILD =
      EnumSet.of(ProcessState.STARTING, ProcessState.RUNNING, ProcessState.STOPPING, ProcessState.UNKNOWN);

  String name() {
    return program.name();
  }

  /** Supervisor's display name: {@code name}, or {@code group:name} when they differ. */
  String namespec() {
    return group.equals(program.name()) ? program.name() : group + ":" + program.name();
  }

  /** The daemon is stopping (or restarting): nothing of this generation starts again. */
  boolean stopping() {
    return generation.stopping();
  }

  long now() {
    return clock.millis();
  }

  /**
   * A transition: shown on the status board first (so that whoever is answered next reads it
   * there), then published as an event.
   */
  void announce(ProcessState from, ProcessState to, ProcessData data, boolean expected) {
    slot.publish(new ProcessStatus(group, name(), to, data.lastStart(), data.lastStop(), data.exitStatus(),
        data.spawnErr(), HAS_CHILD.contains(to) ? data.pid() : 0, output.stdoutPath(), output.stderrPath()));
    events.accept(new ProcessEvent(name(), group, from, to, data.backoff(), data.pid(), expected, now(),
        data.exitStatus(), data.spawnErr()));
  }

  void announce(ProcessState from, ProcessState to, ProcessData data) {
    announce(from, to, data, false);
  }

  static void ack(ActorRef<StatusReply<Done>> replyTo) {
    replyTo.tell(StatusReply.ack());
  }

  static void reject(ActorRef<StatusReply<Done>> replyTo, Fault fault, String detail) {
    replyTo.tell(StatusReply.error(new SupervisorFault(fault, detail)));
  }

  /** What the board shows for this process: the same answer as the API's. */
  void replyInfo(ProcessMsg.GetInfo get) {
    get.replyTo().tell(slot.current().toInfo(now()));
  }
}
