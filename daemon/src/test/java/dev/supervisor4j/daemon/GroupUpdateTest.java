package dev.supervisor4j.daemon;

import static dev.supervisor4j.protocol.ProcessState.RUNNING;
import static dev.supervisor4j.protocol.ProcessState.STOPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.board.StatusBoard;
import dev.supervisor4j.daemon.group.ProcessFactory;
import dev.supervisor4j.daemon.events.EventHub;
import dev.supervisor4j.daemon.config.ConfigException;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.process.ChildOutput;
import dev.supervisor4j.daemon.group.GroupOp;
import dev.supervisor4j.daemon.process.ProcessActor;
import dev.supervisor4j.daemon.process.ProcessMsg;
import dev.supervisor4j.daemon.spawn.SpawnRequest;
import dev.supervisor4j.daemon.testing.Configs;
import dev.supervisor4j.daemon.testing.FakeSpawner;
import dev.supervisor4j.daemon.testing.Programs;
import dev.supervisor4j.protocol.ConfigChanges;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.NameSpec;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.SupervisorFault;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** supervisor4j.updateProcessGroup at the root: only what changed is replaced. */
class GroupUpdateTest {
  private final ActorTestKit kit = ActorTestKit.create();
  private final FakeSpawner spawner = new FakeSpawner();
  private final AtomicReference<Object> next = new AtomicReference<>();
  private ActorRef<RootMsg.Command> root;

  @AfterEach
  void stop() {
    kit.shutdownTestKit();
  }

  private static ProcessFactory fakes(FakeSpawner spawner) {
    return (config, group, program, events, generation, board, socket) -> ProcessActor.create(program, group.name(), spawner,
        (p, g) -> new SpawnRequest("/bin/true", List.of("x"), Map.of(), null, null, null, false),
        ChildOutput.DISCARD, EventHub.changesTo(events), Clock.systemUTC(), generation, board);
  }

  private void start(SupervisordConfig first) {
    next.set(first);
    ConfigSource source = () -> {
      Object c = next.get();
      if (c instanceof ConfigException e) {
        throw e;
      }
      return (SupervisordConfig) c;
    };
    root = kit.spawn(RootGuardian.create(first, fakes(spawner), source, new CompletableFuture<>(), new StatusBoard()));
  }

  @Test
  void keepsUnchangedMembersReplacesChangedAddsAndDropsInstances() {
    start(Configs.of(
        Configs.group("grp", 10,
            Programs.named("a").command("/bin/a 1").startSecs(0).build(),
            Programs.named("b").startSecs(0).build(),
            Programs.named("c").startSecs(0).build()),
        Configs.group("w", 20,
            Programs.named("w_0").startSecs(0).build(),
            Programs.named("w_1").startSecs(0).build()),
        Configs.group("other", 30, Programs.named("other").startSecs(0).build())));
    awaitStates(Map.of("a", RUNNING, "b", RUNNING, "c", RUNNING, "w_0", RUNNING, "w_1", RUNNING, "other", RUNNING));
    stopByOperator("grp:c");
    Map<String, Long> before = pids();

    next.set(Configs.of(
        Configs.group("grp", 10,
            Programs.named("a").command("/bin/a 2").startSecs(0).build(),
            Programs.named("b").startSecs(0).build(),
            Programs.named("c").startSecs(0).build(),
            Programs.named("d").startSecs(0).build()),
        Configs.group("w", 20, Programs.named("w_0").startSecs(0).build()),
        Configs.group("other", 30, Programs.named("other").startSecs(0).build())));
    assertEquals(new ConfigChanges(List.of(), List.of("grp", "w"), List.of()), reread());
    update("grp");
    update("w");

    awaitStates(Map.of("a", RUNNING, "b", RUNNING, "c", STOPPED, "d", RUNNING, "w_0", RUNNING, "other", RUNNING));
    Map<String, Long> after = pids();
    assertEquals(before.get("b"), after.get("b"), "b is unchanged: same child");
    assertEquals(before.get("w_0"), after.get("w_0"), "w_0 is unchanged: same child");
    assertEquals(before.get("other"), after.get("other"));
    assertNotEquals(before.get("a"), after.get("a"), "a's command changed: a new child");
    assertEquals(0L, after.get("c"), "an operator's stop of an unchanged process is kept");
    assertTrue(!after.containsKey("w_1"), "numprocs 2 -> 1 drops w_1");
    assertEquals(8, spawner.spawnCount(), "6 at start, then only a and d");
    assertEquals(new ConfigChanges(List.of(), List.of(), List.of()), reread(), "nothing left to update");
    // the group runs its new members, in the new order (a group method's array is in member order)
    TestProbe<StatusReply<List<ProcessResult>>> members = kit.createTestProbe();
    root.tell(new RootMsg.ToGroup("grp", GroupOp.ClearLogs.INSTANCE, members.getRef()));
    assertEquals(List.of("a", "b", "c", "d"),
        members.receiveMessage().getValue().stream().map(ProcessResult::name).toList());
  }

  @Test
  void unknownOrUnreadGroupIsBadName() {
    start(Configs.of(Configs.group("grp", 10, Programs.named("a").startSecs(0).build())));
    TestProbe<StatusReply<Done>> reply = kit.createTestProbe();
    root.tell(new RootMsg.UpdateGroup("nosuch", reply.getRef()));
    SupervisorFault f = (SupervisorFault) reply.receiveMessage().getError();
    assertEquals(Fault.BAD_NAME, f.fault());
  }

  private ConfigChanges reread() {
    TestProbe<StatusReply<ConfigChanges>> reply = kit.createTestProbe();
    root.tell(new RootMsg.ReloadConfig(reply.getRef()));
    return reply.receiveMessage().getValue();
  }

  private void update(String group) {
    TestProbe<StatusReply<Done>> reply = kit.createTestProbe();
    root.tell(new RootMsg.UpdateGroup(group, reply.getRef()));
    StatusReply<Done> r = reply.receiveMessage(Duration.ofSeconds(10));
    assertTrue(r.isSuccess(), () -> String.valueOf(r.getError()));
  }

  private void stopByOperator(String name) {
    TestProbe<StatusReply<Done>> stopped = kit.createTestProbe();
    root.tell(new RootMsg.ToProcess(NameSpec.parse(name), name, new ProcessMsg.Stop(true, stopped.getRef())));
    assertTrue(stopped.receiveMessage(Duration.ofSeconds(10)).isSuccess());
  }

  private List<ProcessInfo> infos() {
    TestProbe<List<ProcessInfo>> probe = kit.createTestProbe();
    root.tell(new RootMsg.GetAllProcessInfo(probe.getRef()));
    return probe.receiveMessage();
  }

  private Map<String, Long> pids() {
    return infos().stream().collect(Collectors.toMap(ProcessInfo::name, ProcessInfo::pid));
  }

  private void awaitStates(Map<String, ProcessState> expected) {
    TestProbe<Object> probe = kit.createTestProbe();
    probe.awaitAssert(Duration.ofSeconds(10), () -> {
      assertEquals(expected, infos().stream().collect(Collectors.toMap(ProcessInfo::name, ProcessInfo::state)));
      return null;
    });
  }
}
