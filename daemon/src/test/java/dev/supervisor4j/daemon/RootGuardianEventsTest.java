package dev.supervisor4j.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.board.StatusBoard;
import dev.supervisor4j.daemon.group.ProcessFactory;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.events.EventHub;
import dev.supervisor4j.daemon.events.EventType;
import dev.supervisor4j.daemon.events.GroupEvent;
import dev.supervisor4j.daemon.events.RemoteCommEvent;
import dev.supervisor4j.daemon.events.SupervisorEvent;
import dev.supervisor4j.daemon.events.SupervisorStateEvent;
import dev.supervisor4j.daemon.process.ChildOutput;
import dev.supervisor4j.daemon.process.ProcessActor;
import dev.supervisor4j.daemon.spawn.SpawnRequest;
import dev.supervisor4j.daemon.testing.Configs;
import dev.supervisor4j.daemon.testing.FakeSpawner;
import dev.supervisor4j.daemon.testing.Programs;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The daemon's own events and the groups' (spec §5.5), as the root raises them. */
class RootGuardianEventsTest {
  static final ActorTestKit kit = ActorTestKit.create();

  @AfterAll
  static void down() {
    kit.shutdownTestKit();
  }

  @Test
  void groupsComeAndGoAndTheDaemonRunsAndStops() throws Exception {
    FakeSpawner spawner = new FakeSpawner();
    ProcessFactory factory = (config, group, program, events, generation, board, socket) -> ProcessActor.create(program, group.name(), spawner,
        (p, g) -> new SpawnRequest("/bin/true", List.of("x"), Map.of(), null, null, null, false),
        ChildOutput.DISCARD, EventHub.changesTo(events), Clock.systemUTC(), generation, board);
    SupervisordConfig config = Configs.of(
        Configs.group("a", 1, Programs.named("a").autostart(false).build()),
        Configs.group("b", 2, Programs.named("b").autostart(false).build()));
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    ActorRef<RootMsg.Command> root = kit.spawn(RootGuardian.create(config, factory, () -> config, exit, new StatusBoard()));
    TestProbe<SupervisorEvent> events = kit.createTestProbe();
    root.tell(new RootMsg.ToHub(new EventHub.SubscribeTo(
        Set.of(EventType.SUPERVISOR_STATE_CHANGE, EventType.PROCESS_GROUP, EventType.REMOTE_COMMUNICATION),
        events.getRef())));

    TestProbe<StatusReply<Done>> reply = kit.createTestProbe();
    root.tell(new RootMsg.RemoveGroup("b", reply.getRef()));
    assertTrue(reply.receiveMessage(Duration.ofSeconds(5)).isSuccess());
    assertEquals(new GroupEvent(false, "b"), events.receiveMessage());
    root.tell(new RootMsg.AddGroup("b", reply.getRef()));
    assertTrue(reply.receiveMessage(Duration.ofSeconds(5)).isSuccess());
    assertEquals(new GroupEvent(true, "b"), events.receiveMessage());

    root.tell(new RootMsg.ToHub(new RemoteCommEvent("t", "d")));
    assertEquals(new RemoteCommEvent("t", "d"), events.receiveMessage());

    // A restart: no REMOVED (Supervisor sends none), every group ADDED again, then RUNNING.
    root.tell(RootMsg.Restart.INSTANCE);
    assertEquals(SupervisorStateEvent.STOPPING, events.receiveMessage());
    assertEquals(new GroupEvent(true, "a"), events.receiveMessage(Duration.ofSeconds(5)));
    assertEquals(new GroupEvent(true, "b"), events.receiveMessage());
    assertEquals(SupervisorStateEvent.RUNNING, events.receiveMessage());

    root.tell(RootMsg.Shutdown.INSTANCE);
    assertEquals(SupervisorStateEvent.STOPPING, events.receiveMessage());
    assertEquals(0, exit.get(5, TimeUnit.SECONDS));
  }
}
