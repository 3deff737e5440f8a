package dev.supervisor4j.daemon.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.board.StatusBoard;
import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.daemon.spawn.SpawnRequest;
import dev.supervisor4j.daemon.testing.FakeChild;
import dev.supervisor4j.daemon.testing.FakeSpawner;
import dev.supervisor4j.daemon.testing.TestClock;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.Signal;
import dev.supervisor4j.protocol.SupervisorFault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/** One ProcessActor under test: a fake spawner, a manual clock, and a probe for its events. */
final class Harness {
  final ActorTestKit kit;
  final ManualTime time;
  final TestClock clock = new TestClock(1_700_000_000_000L);
  final FakeSpawner spawner;
  final TestProbe<ProcessEvent> events;
  final ActorRef<ProcessMsg> actor;
  final ProgramConfig program;
  final Generation generation = new Generation();
  final StatusBoard board = new StatusBoard();

  Harness(ActorTestKit kit, ProgramConfig program, FakeSpawner spawner, SpawnPlanner planner) {
    this.kit = kit;
    this.time = ManualTime.get(kit.system());
    this.program = program;
    this.spawner = spawner;
    this.events = kit.createTestProbe();
    this.actor = kit.spawn(ProcessActor.create(program, program.name(), spawner, planner,
        ChildOutput.DISCARD, events.getRef(), clock, generation, board));
  }

  Harness(ActorTestKit kit, ProgramConfig program, FakeSpawner spawner) {
    this(kit, program, spawner, okPlanner());
  }

  static SpawnPlanner okPlanner() {
    return (p, g) -> new SpawnRequest("/bin/true", List.of(p.command()), Map.of(), null, null, null, false);
  }

  /** Moves the wall clock and Pekko's scheduler together. */
  void advance(Duration d) {
    clock.advance(d);
    time.timePasses(d);
  }

  void advanceSecs(long s) {
    advance(Duration.ofSeconds(s));
  }

  /** Expects exactly these state changes next, in order; returns the last event. */
  ProcessEvent expect(ProcessState... states) {
    ProcessEvent last = null;
    for (ProcessState s : states) {
      last = events.expectMessageClass(ProcessEvent.class);
      assertEquals(s, last.to(), "next state (event " + last + ")");
    }
    return last;
  }

  void expectNoChange() {
    events.expectNoMessage(Duration.ofMillis(50));
  }

  TestProbe<StatusReply<Done>> start(boolean waitFor) {
    TestProbe<StatusReply<Done>> reply = kit.createTestProbe();
    actor.tell(new ProcessMsg.Start(waitFor, true, reply.getRef()));
    return reply;
  }

  void autostart() {
    actor.tell(new ProcessMsg.Start(false, false, kit.system().ignoreRef()));
  }

  TestProbe<StatusReply<Done>> stop(boolean waitFor) {
    TestProbe<StatusReply<Done>> reply = kit.createTestProbe();
    actor.tell(new ProcessMsg.Stop(waitFor, reply.getRef()));
    return reply;
  }

  TestProbe<StatusReply<Done>> signal(Signal s) {
    TestProbe<StatusReply<Done>> reply = kit.createTestProbe();
    actor.tell(new ProcessMsg.SendSignal(s, reply.getRef()));
    return reply;
  }

  TestProbe<StatusReply<Done>> stopForShutdown() {
    TestProbe<StatusReply<Done>> reply = kit.createTestProbe();
    actor.tell(new ProcessMsg.StopForShutdown(reply.getRef()));
    return reply;
  }

  ProcessInfo info() {
    TestProbe<ProcessInfo> reply = kit.createTestProbe();
    actor.tell(new ProcessMsg.GetInfo(reply.getRef()));
    return reply.expectMessageClass(ProcessInfo.class);
  }

  FakeChild child() {
    return spawner.last();
  }

  /** Reaches RUNNING the normal way. */
  void toRunning() {
    autostart();
    expect(ProcessState.STARTING);
    if (program.startSecs() > 0) {
      advanceSecs(program.startSecs());
    }
    expect(ProcessState.RUNNING);
  }

  static void expectAck(TestProbe<StatusReply<Done>> reply) {
    StatusReply<Done> r = reply.expectMessageClass(StatusReply.class);
    assertTrue(r.isSuccess(), () -> "expected success, got " + r);
  }

  static void expectFault(TestProbe<StatusReply<Done>> reply, Fault fault) {
    StatusReply<Done> r = reply.expectMessageClass(StatusReply.class);
    assertTrue(r.isError(), () -> "expected " + fault + ", got " + r);
    assertEquals(fault, ((SupervisorFault) r.getError()).fault());
  }
}
