package dev.supervisor4j.daemon;

import static dev.supervisor4j.protocol.ProcessState.RUNNING;
import static dev.supervisor4j.protocol.ProcessState.STARTING;
import static dev.supervisor4j.protocol.ProcessState.STOPPED;
import static dev.supervisor4j.protocol.ProcessState.STOPPING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supervisor4j.daemon.board.StatusBoard;
import dev.supervisor4j.daemon.group.ProcessFactory;
import dev.supervisor4j.daemon.events.EventHub;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.process.ProcessActor;
import dev.supervisor4j.daemon.process.ProcessEvent;
import dev.supervisor4j.daemon.process.ChildOutput;
import dev.supervisor4j.daemon.spawn.SpawnRequest;
import dev.supervisor4j.daemon.testing.Configs;
import dev.supervisor4j.daemon.testing.FakeChild;
import dev.supervisor4j.daemon.testing.FakeSpawner;
import dev.supervisor4j.daemon.testing.Programs;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.SupervisorState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;

/** Start order and the one-group-at-a-time shutdown, with a fake spawner. */
class RootGuardianTest {

  private static ProcessFactory fakes(FakeSpawner spawner) {
    return (config, group, program, events, generation, board, socket) -> ProcessActor.create(program, group.name(), spawner,
        (p, g) -> new SpawnRequest("/bin/true", List.of("x"), Map.of(), null, null, null, false),
        ChildOutput.DISCARD, EventHub.changesTo(events), Clock.systemUTC(), generation, board);
  }

  private static void expect(TestProbe<ProcessEvent> probe, String process, ProcessState state) {
    ProcessEvent e = probe.expectMessageClass(ProcessEvent.class, Duration.ofSeconds(5));
    assertEquals(process + " " + state, e.process() + " " + e.to());
  }

  @Test
  void startsInPriorityOrderAndStopsInReverseOneGroupAtATime() throws Exception {
    ActorTestKit kit = ActorTestKit.create();
    try {
      FakeSpawner spawner = new FakeSpawner().onSpawn(FakeChild::ignoringSignals);
      SupervisordConfig config = Configs.of(
          Configs.group("first", 1, Programs.named("first").startSecs(0).build()),
          Configs.group("second", 2, Programs.named("second").startSecs(0).build()),
          Configs.group("third", 3, Programs.named("third").startSecs(0).build()));
      CompletableFuture<Integer> exit = new CompletableFuture<>();
      TestProbe<ProcessEvent> events = kit.createTestProbe();
      ActorRef<RootMsg.Command> root = kit.spawn(RootGuardian.create(config, fakes(spawner), () -> config, exit, new StatusBoard()));
      root.tell(new RootMsg.Subscribe(events.getRef()));
      // Subscribing races the autostart; read the order from the spawner instead.
      TestProbe<List<ProcessInfo>> infos = kit.createTestProbe();
      awaitAll(kit, root, RUNNING);
      assertEquals(3, spawner.spawnCount());
      assertEquals(List.of(1001L, 1002L, 1003L), List.of(
          info(kit, root, "first").pid(), info(kit, root, "second").pid(), info(kit, root, "third").pid()));

      drain(events);
      root.tell(RootMsg.Shutdown.INSTANCE);
      TestProbe<SupervisorState> state = kit.createTestProbe();
      root.tell(new RootMsg.GetState(state.getRef()));
      state.expectMessage(SupervisorState.SHUTDOWN);
      expect(events, "third", STOPPING);
      events.expectNoMessage(Duration.ofMillis(200)); // "second" waits until "third" is down
      spawner.child(2).exit(0);
      expect(events, "third", STOPPED);
      expect(events, "second", STOPPING);
      spawner.child(1).exit(0);
      expect(events, "second", STOPPED);
      expect(events, "first", STOPPING);
      spawner.child(0).exit(0);
      expect(events, "first", STOPPED);
      assertEquals(0, exit.get(5, TimeUnit.SECONDS));
      infos.expectNoMessage(Duration.ZERO);
    } finally {
      kit.shutdownTestKit();
    }
  }

  private static void drain(TestProbe<ProcessEvent> probe) {
    while (true) {
      try {
        probe.receiveMessage(Duration.ofMillis(300));
      } catch (AssertionError none) {
        return;
      }
    }
  }

  private static ProcessInfo info(ActorTestKit kit, ActorRef<RootMsg.Command> root, String name) {
    TestProbe<List<ProcessInfo>> probe = kit.createTestProbe();
    root.tell(new RootMsg.GetAllProcessInfo(probe.getRef()));
    return probe.receiveMessage().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
  }

  private static void awaitAll(ActorTestKit kit, ActorRef<RootMsg.Command> root, ProcessState state) {
    TestProbe<List<ProcessInfo>> probe = kit.createTestProbe();
    probe.awaitAssert(Duration.ofSeconds(5), () -> {
      root.tell(new RootMsg.GetAllProcessInfo(probe.getRef()));
      List<ProcessInfo> all = probe.receiveMessage();
      all.forEach(i -> assertEquals(state, i.state(), i.name()));
      return null;
    });
  }
}
