package dev.supervisor4j.daemon.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.board.ProcessStatus;
import dev.supervisor4j.daemon.board.StatusBoard;
import dev.supervisor4j.daemon.events.EventHub;
import dev.supervisor4j.daemon.config.FcgiSocket;
import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.GroupKind;
import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.events.HubMsg;
import dev.supervisor4j.daemon.process.ChildOutput;
import dev.supervisor4j.daemon.process.Generation;
import dev.supervisor4j.daemon.process.ProcessActor;
import dev.supervisor4j.daemon.process.ProcessMsg;
import dev.supervisor4j.daemon.spawn.SharedSocket;
import dev.supervisor4j.daemon.spawn.SpawnRequest;
import dev.supervisor4j.daemon.testing.BrokenOutput;
import dev.supervisor4j.daemon.testing.Configs;
import dev.supervisor4j.daemon.testing.FakeChild;
import dev.supervisor4j.daemon.testing.FakeSpawner;
import dev.supervisor4j.daemon.testing.Programs;
import dev.supervisor4j.daemon.testing.TestClock;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.Signal;
import dev.supervisor4j.protocol.SupervisorFault;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A GroupActor on its own: fake children, manual time, the board as the API reads it. */
class GroupActorTest {
  private final ActorTestKit kit = ActorTestKit.create(ManualTime.config());
  private final ManualTime time = ManualTime.get(kit.system());
  private final FakeSpawner spawner = new FakeSpawner();
  private final StatusBoard board = new StatusBoard();
  private final TestProbe<HubMsg> hub = kit.createTestProbe();
  private final TestProbe<GroupMsg.Ready> ready = kit.createTestProbe();
  /** Programs whose log reopening throws (a bug in our own code, as the actor sees it). */
  private final Set<String> broken = new HashSet<>();
  private ActorRef<GroupMsg.Command> group;

  @AfterEach
  void stop() {
    kit.shutdownTestKit();
  }

  private ProcessFactory factory() {
    return (config, g, p, events, generation, b, socket) -> ProcessActor.create(p, g.name(), recording(p, socket),
        (prog, name) -> new SpawnRequest("/bin/true", List.of(prog.command()), Map.of(), null, null, null, false),
        broken.contains(p.name()) ? new BrokenOutput() : ChildOutput.DISCARD, EventHub.changesTo(events),
        new TestClock(1_700_000_000_000L), generation, b, socket);
  }

  /** The socket each member was made with (fcgi groups), by member name, latest first. */
  private final Map<String, SharedSocket> socketsGiven = new ConcurrentHashMap<>();

  private FakeSpawner recording(ProgramConfig p, SharedSocket socket) {
    if (socket != null) {
      socketsGiven.put(p.name(), socket);
    }
    return spawner;
  }

  private GroupMsg.Ready start(GroupConfig config) {
    SupervisordConfig source = Configs.of(config);
    group = kit.spawn(GroupActor.create(config, source, new GroupActor.Context(factory(), hub.getRef(), board,
        new Generation()), ready.getRef()));
    return ready.receiveMessage();
  }

  private List<ProcessResult> run(GroupOp op) {
    TestProbe<StatusReply<List<ProcessResult>>> reply = kit.createTestProbe();
    group.tell(new GroupMsg.Run(op, reply.getRef()));
    return reply.receiveMessage().getValue();
  }

  private static List<String> entries(List<ProcessResult> results) {
    return results.stream().map(r -> r.name() + " " + r.status()).toList();
  }

  private void autostart(Set<String> only) {
    TestProbe<Done> done = kit.createTestProbe();
    group.tell(new GroupMsg.Autostart(only, Set.of(), done.getRef()));
    done.receiveMessage();
  }

  private Map<String, ProcessState> states() {
    return board.group("g").stream().collect(Collectors.toMap(ProcessStatus::name, ProcessStatus::state));
  }

  private Map<String, Long> pids() {
    return board.group("g").stream().collect(Collectors.toMap(ProcessStatus::name, ProcessStatus::pid));
  }

  private void awaitStates(Map<String, ProcessState> expected) {
    kit.createTestProbe().awaitAssert(Duration.ofSeconds(5), () -> {
      assertEquals(expected, states());
      return null;
    });
  }

  /** The fake child of a member, by the pid the board shows (members spawn in no fixed order). */
  private FakeChild childOf(String member) {
    long pid = board.status("g", member).orElseThrow().pid();
    for (int i = 0; i < spawner.spawnCount(); i++) {
      if (spawner.child(i).pid() == pid) {
        return spawner.child(i);
      }
    }
    throw new AssertionError("no child with pid " + pid + " for " + member);
  }

  private static ProgramConfig manual(String name, int priority, int startSecs) {
    return Programs.named(name).priority(priority).startSecs(startSecs).autostart(false).build();
  }

  @Test
  void fcgiMembersShareTheGroupsSocketAndAnUpdateMakesANewOne() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    GroupConfig fcgi = new GroupConfig("f", GroupKind.FCGI_PROGRAM, 5, List.of(manual("f_0", 1, 0),
        manual("f_1", 1, 0)), null, new FcgiSocket("tcp://127.0.0.1:" + port, null, null, null));
    start(fcgi);
    SharedSocket first = socketsGiven.get("f_0");
    assertEquals("tcp://127.0.0.1:" + port, first.url());
    assertSame(first, socketsGiven.get("f_1"), "one socket per group, shared by its processes");
    assertEquals(0, first.holders(), "checked when the group was made, then closed: nothing runs yet");

    GroupConfig moved = new GroupConfig("f", GroupKind.FCGI_PROGRAM, 5, fcgi.processes(), null,
        new FcgiSocket("tcp://127.0.0.1:" + (port + 1), null, null, null));
    TestProbe<StatusReply<GroupMsg.Ready>> updated = kit.createTestProbe();
    group.tell(new GroupMsg.Update(moved, Configs.of(moved), updated.getRef()));
    assertEquals(Set.of("f_0", "f_1"), updated.receiveMessage().getValue().fresh(), "replaced whole");
    SharedSocket second = socketsGiven.get("f_0");
    assertEquals("tcp://127.0.0.1:" + (port + 1), second.url());
    assertSame(second, socketsGiven.get("f_1"));

    socketsGiven.clear();
    start(Configs.group("g", 5, manual("a", 1, 0)));
    assertTrue(socketsGiven.isEmpty(), "other groups have no socket");
  }

  @Test
  void membersAreOnTheBoardBeforeAnythingStarts() {
    GroupMsg.Ready r = start(Configs.group("g", 5, manual("a", 1, 0), manual("b", 2, 0)));
    assertEquals(Set.of("a", "b"), r.members().keySet());
    assertEquals(Set.of("a", "b"), r.fresh());
    assertEquals(Map.of("a", ProcessState.STOPPED, "b", ProcessState.STOPPED), states());
    assertEquals(0, spawner.spawnCount());
  }

  @Test
  void groupStartWithWaitListsEntriesInTheOrderTheyFinished() {
    start(Configs.group("g", 5, manual("a", 1, 5), manual("b", 2, 1), manual("c", 3, 3)));
    TestProbe<StatusReply<List<ProcessResult>>> reply = kit.createTestProbe();
    group.tell(new GroupMsg.Run(new GroupOp.Start(true), reply.getRef()));
    awaitStates(Map.of("a", ProcessState.STARTING, "b", ProcessState.STARTING, "c", ProcessState.STARTING));
    time.timePasses(Duration.ofSeconds(1)); // b is up
    awaitStates(Map.of("a", ProcessState.STARTING, "b", ProcessState.RUNNING, "c", ProcessState.STARTING));
    time.timePasses(Duration.ofSeconds(2)); // c
    awaitStates(Map.of("a", ProcessState.STARTING, "b", ProcessState.RUNNING, "c", ProcessState.RUNNING));
    // The board shows c RUNNING a little before c's answer reaches the group (through the ask's
    // future and the dispatcher): give it time on a loaded machine before a finishes.
    reply.expectNoMessage(Duration.ofMillis(500));
    time.timePasses(Duration.ofSeconds(2)); // a
    assertEquals(List.of("b SUCCESS", "c SUCCESS", "a SUCCESS"), entries(reply.receiveMessage().getValue()));
    // already running: left out
    assertEquals(List.of(), run(new GroupOp.Start(true)));
  }

  @Test
  void groupStopWithoutWaitListsEveryEntryAtOnceInPriorityOrderAndSkipsStoppedMembers() {
    start(Configs.group("g", 5, manual("z", 3, 0), manual("y", 1, 0), manual("x", 2, 0)));
    assertEquals(List.of("y SUCCESS", "x SUCCESS", "z SUCCESS"), entries(run(new GroupOp.Start(false))));
    awaitStates(Map.of("x", ProcessState.RUNNING, "y", ProcessState.RUNNING, "z", ProcessState.RUNNING));
    TestProbe<StatusReply<Done>> stopped = kit.createTestProbe();
    group.tell(new GroupMsg.ToMember("x", "g:x", new ProcessMsg.Stop(true, stopped.getRef())));
    assertTrue(stopped.receiveMessage().isSuccess());
    // the reply of a stop comes after the board shows it
    assertEquals(ProcessState.STOPPED, board.status("g", "x").orElseThrow().state());
    assertEquals(List.of("y SUCCESS", "z SUCCESS"), entries(run(new GroupOp.Stop(false))));
    awaitStates(Map.of("x", ProcessState.STOPPED, "y", ProcessState.STOPPED, "z", ProcessState.STOPPED));
    assertEquals(List.of(), run(new GroupOp.Stop(false)));
  }

  @Test
  void groupSignalReachesRunningMembersAndABadSignalIsOneEntryPerSignallableMember() {
    start(Configs.group("g", 5, manual("a", 1, 0), manual("b", 2, 0), manual("c", 3, 0)));
    spawner.onSpawn(FakeChild::ignoringSignals);
    run(new GroupOp.Start(false));
    awaitStates(Map.of("a", ProcessState.RUNNING, "b", ProcessState.RUNNING, "c", ProcessState.RUNNING));
    TestProbe<StatusReply<Done>> stopped = kit.createTestProbe();
    group.tell(new GroupMsg.ToMember("c", "g:c", new ProcessMsg.Stop(false, stopped.getRef())));
    stopped.receiveMessage();
    FakeChild c = childOf("c");
    c.exit(0); // c ignored SIGTERM; it ends now
    awaitStates(Map.of("a", ProcessState.RUNNING, "b", ProcessState.RUNNING, "c", ProcessState.STOPPED));
    FakeChild a = childOf("a");
    assertEquals(List.of("a SUCCESS", "b SUCCESS"), entries(run(new GroupOp.SendSignal("HUP"))));
    assertEquals(List.of(new FakeChild.Sent(Signal.HUP, false)), a.signals());
    assertEquals(List.of(new FakeChild.Sent(Signal.TERM, false)), c.signals(), "a stopped member is not signalled");
    List<ProcessResult> bad = run(new GroupOp.SendSignal("NOPE"));
    assertEquals(List.of("a BAD_SIGNAL", "b BAD_SIGNAL"), entries(bad));
    assertEquals("BAD_SIGNAL: NOPE", bad.get(0).description());
  }

  @Test
  void anUnknownMemberIsBadNameWithTheNameAsSent() {
    start(Configs.group("g", 5, manual("a", 1, 0)));
    TestProbe<StatusReply<Done>> reply = kit.createTestProbe();
    group.tell(new GroupMsg.ToMember("nosuch", "g:nosuch", new ProcessMsg.Start(false, true, reply.getRef())));
    SupervisorFault f = (SupervisorFault) reply.receiveMessage().getError();
    assertEquals(Fault.BAD_NAME, f.fault());
    assertEquals("g:nosuch", f.detail().orElseThrow());
  }

  @Test
  void updateKeepsUnchangedMembersReplacesChangedOnesAddsAndDrops() {
    ProgramConfig a = Programs.named("a").startSecs(0).build();
    ProgramConfig b = Programs.named("b").startSecs(0).build();
    ProgramConfig c = Programs.named("c").command("/bin/c 1").startSecs(0).build();
    ProgramConfig e = Programs.named("e").startSecs(0).build();
    start(Configs.group("g", 5, a, b, c, e));
    autostart(null);
    awaitStates(Map.of("a", ProcessState.RUNNING, "b", ProcessState.RUNNING, "c", ProcessState.RUNNING,
        "e", ProcessState.RUNNING));
    TestProbe<StatusReply<Done>> stopped = kit.createTestProbe();
    group.tell(new GroupMsg.ToMember("b", "g:b", new ProcessMsg.Stop(true, stopped.getRef())));
    assertTrue(stopped.receiveMessage().isSuccess()); // an operator's stop
    Map<String, Long> before = pids();

    GroupConfig next = Configs.group("g", 5, a, b, Programs.named("c").command("/bin/c 2").startSecs(0).build(),
        Programs.named("d").startSecs(0).build());
    TestProbe<StatusReply<GroupMsg.Ready>> updated = kit.createTestProbe();
    group.tell(new GroupMsg.Update(next, Configs.of(next), updated.getRef()));
    GroupMsg.Ready r = updated.receiveMessage().getValue();
    assertEquals(Set.of("c", "d"), r.fresh());
    assertEquals(Set.of("a", "b", "c", "d"), r.members().keySet());
    // dropped at once; replaced and added ones are on the board, not started
    assertEquals(Map.of("a", ProcessState.RUNNING, "b", ProcessState.STOPPED, "c", ProcessState.STOPPED,
        "d", ProcessState.STOPPED), states());
    assertTrue(spawner.child(3).exited(), "e's child was stopped");
    assertTrue(spawner.child(2).exited(), "c's old child was stopped");

    autostart(r.fresh());
    awaitStates(Map.of("a", ProcessState.RUNNING, "b", ProcessState.STOPPED, "c", ProcessState.RUNNING,
        "d", ProcessState.RUNNING));
    Map<String, Long> after = pids();
    assertEquals(before.get("a"), after.get("a"), "a is kept: same child");
    assertNotEquals(before.get("c"), after.get("c"), "c changed: a new child");
    assertEquals(0L, after.get("b"), "an operator's stop of a kept member stays");
    // the group's order is the new config's
    assertEquals(List.of("a", "b", "c", "d"),
        run(GroupOp.ClearLogs.INSTANCE).stream().map(ProcessResult::name).toList());
  }

  @Test
  void aSecondUpdateWhileOneIsUnderWayFails() {
    ProgramConfig a = Programs.named("a").startSecs(0).build();
    start(Configs.group("g", 5, a));
    spawner.onSpawn(FakeChild::ignoringSignals);
    autostart(null);
    awaitStates(Map.of("a", ProcessState.RUNNING));
    GroupConfig next = Configs.group("g", 5, Programs.named("a").command("/bin/other").startSecs(0).build());
    TestProbe<StatusReply<GroupMsg.Ready>> first = kit.createTestProbe();
    group.tell(new GroupMsg.Update(next, Configs.of(next), first.getRef()));
    TestProbe<StatusReply<GroupMsg.Ready>> second = kit.createTestProbe();
    group.tell(new GroupMsg.Update(next, Configs.of(next), second.getRef()));
    SupervisorFault f = (SupervisorFault) second.receiveMessage().getError();
    assertEquals(Fault.FAILED, f.fault());
    first.expectNoMessage(Duration.ofMillis(100)); // a ignores SIGTERM: still stopping
    spawner.child(0).exit(0);
    assertTrue(first.receiveMessage().isSuccess());
  }

  @Test
  void aMemberThatThrowsIsResumedAndKeepsItsChild() {
    broken.add("a");
    start(Configs.group("g", 5, Programs.named("a").startSecs(0).build()));
    autostart(null);
    awaitStates(Map.of("a", ProcessState.RUNNING));
    long pid = pids().get("a");
    group.tell(GroupMsg.ReopenLogs.INSTANCE); // a's handler throws
    TestProbe<StatusReply<Done>> reply = kit.createTestProbe();
    group.tell(new GroupMsg.ToMember("a", "a", new ProcessMsg.Start(false, true, reply.getRef())));
    assertEquals(Fault.ALREADY_STARTED, ((SupervisorFault) reply.receiveMessage().getError()).fault());
    assertEquals(pid, pids().get("a"), "same child");
    assertEquals(1, spawner.spawnCount());
    assertTrue(!spawner.child(0).exited());
    assertEquals(List.of("a SUCCESS"), entries(run(new GroupOp.Stop(true))));
    assertEquals(Signal.TERM, spawner.child(0).signals().get(0).signal(), "the child it kept is the one it stops");
  }
}
