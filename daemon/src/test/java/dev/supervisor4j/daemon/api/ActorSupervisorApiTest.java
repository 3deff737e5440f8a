package dev.supervisor4j.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.group.ProcessFactory;
import dev.supervisor4j.daemon.board.StatusBoard;
import dev.supervisor4j.daemon.RootGuardian;
import dev.supervisor4j.daemon.RootMsg;
import dev.supervisor4j.daemon.events.EventHub;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.process.ChildOutput;
import dev.supervisor4j.daemon.process.ProcessActor;
import dev.supervisor4j.daemon.spawn.SpawnRequest;
import dev.supervisor4j.daemon.testing.Configs;
import dev.supervisor4j.daemon.testing.FakeChild;
import dev.supervisor4j.daemon.testing.FakeSpawner;
import dev.supervisor4j.daemon.testing.Programs;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.SupervisorFault;
import dev.supervisor4j.protocol.SupervisorState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API's semantics over real actors and a fake spawner: names, faults, group result arrays. */
class ActorSupervisorApiTest {
  ActorTestKit kit;
  FakeSpawner spawner;
  ActorSupervisorApi api;
  ActorRef<RootMsg.Command> root;

  @BeforeEach
  void up() {
    kit = ActorTestKit.create();
    spawner = new FakeSpawner();
    SupervisordConfig config = Configs.of(
        Configs.group("web", 10, Programs.named("web").startSecs(0).build()),
        Configs.group("grp", 20, Programs.named("a").startSecs(0).priority(2).build(),
            Programs.named("b").startSecs(0).priority(1).autostart(false).build()),
        Configs.group("manual", 30, Programs.named("manual").startSecs(0).autostart(false).build()));
    ProcessFactory factory = (c, g, p, events, generation, board, socket) -> ProcessActor.create(p, g.name(), spawner,
        (prog, group) -> new SpawnRequest("/bin/true", List.of("x"), Map.of(), null, null, null, false),
        ChildOutput.DISCARD, EventHub.changesTo(events), Clock.systemUTC(), generation, board);
    StatusBoard board = new StatusBoard();
    root = kit.spawn(RootGuardian.create(config, factory, () -> config, new CompletableFuture<>(), board));
    api = new ActorSupervisorApi(kit.system(), root, board);
  }

  @AfterEach
  void down() {
    kit.shutdownTestKit();
  }

  static <T> T get(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static Fault faultOf(CompletionStage<?> stage) throws Exception {
    try {
      get(stage);
    } catch (ExecutionException e) {
      return assertInstanceOf(SupervisorFault.class, e.getCause()).fault();
    }
    throw new AssertionError("expected a fault");
  }

  void awaitState(String name, ProcessState state) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      if (get(api.getProcessInfo(name)).state() == state) {
        return;
      }
      Thread.sleep(20);
    }
    assertEquals(state, get(api.getProcessInfo(name)).state(), name);
  }

  @Test
  void namesFaultsAndInfo() throws Exception {
    awaitState("web", ProcessState.RUNNING);
    assertEquals("3.0", get(api.getAPIVersion()));
    assertEquals("4.2.5", get(api.getSupervisorVersion()));
    assertEquals("supervisor", get(api.getIdentification()));
    assertEquals(SupervisorState.RUNNING, get(api.getState()));
    assertEquals(Fault.BAD_NAME, faultOf(api.getProcessInfo("nosuch")));
    assertEquals(Fault.BAD_NAME, faultOf(api.getProcessInfo("grp:*")));
    assertEquals(Fault.BAD_NAME, faultOf(api.getProcessInfo("a")), "'a' alone does not find grp:a");
    assertEquals(ProcessState.STOPPED, get(api.getProcessInfo("grp:b")).state());
    List<ProcessInfo> all = get(api.getAllProcessInfo());
    assertEquals(List.of("grp:a", "grp:b", "manual", "web"), all.stream().map(ProcessInfo::namespec).toList());
    assertEquals(Fault.ALREADY_STARTED, faultOf(api.startProcess("web", true)));
    assertEquals(Fault.NOT_RUNNING, faultOf(api.stopProcess("manual", true)));
    assertEquals(Fault.BAD_SIGNAL, faultOf(api.signalProcess("web", "NOPE")));
    assertEquals(Fault.NOT_RUNNING, faultOf(api.signalProcess("manual", "HUP")));
  }

  @Test
  void startAndStopWithWait() throws Exception {
    assertTrue(get(api.startProcess("manual", true)));
    assertEquals(ProcessState.RUNNING, get(api.getProcessInfo("manual")).state());
    assertTrue(get(api.stopProcess("manual", true)));
    assertEquals(ProcessState.STOPPED, get(api.getProcessInfo("manual")).state());
    assertEquals(-1, get(api.getProcessInfo("manual")).exitStatus());
  }

  @Test
  void groupResultsListOnlyTheMembersConcerned() throws Exception {
    awaitState("grp:a", ProcessState.RUNNING);
    List<ProcessResult> started = get(api.startProcessGroup("grp", true));
    assertEquals(List.of(ProcessResult.ok("b", "grp")), started, "a was running already");
    // A group method takes the group's name only, as Supervisor's: a group spec is BAD_NAME there.
    assertEquals(Fault.BAD_NAME, faultOf(api.stopProcessGroup("grp:*", true)));
    List<ProcessResult> stopped = get(api.stopProcessGroup("grp", true));
    assertEquals(2, stopped.size());
    assertTrue(stopped.stream().allMatch(r -> r.status() == Fault.SUCCESS && r.description().equals("OK")));
    assertEquals(List.of(), get(api.stopProcessGroup("grp", true)), "nothing left running");
    assertEquals(Fault.BAD_NAME, faultOf(api.startProcessGroup("nosuch", true)));
    List<ProcessResult> bad = get(api.signalProcessGroup("web", "NOPE"));
    assertEquals(List.of(new ProcessResult("web", "web", Fault.BAD_SIGNAL, "BAD_SIGNAL: NOPE")), bad);
  }

  @Test
  void stopAllThenStartAll() throws Exception {
    awaitState("web", ProcessState.RUNNING);
    awaitState("grp:a", ProcessState.RUNNING);
    List<ProcessResult> stopped = get(api.stopAllProcesses(true));
    assertEquals(2, stopped.size(), stopped.toString());
    List<ProcessResult> started = get(api.startAllProcesses(true));
    assertEquals(4, started.size(), started.toString());
  }

  @Test
  void shutdownStateRefusesCalls() throws Exception {
    spawner.onSpawn(FakeChild::ignoringSignals);
    get(api.startProcess("manual", true));
    assertTrue(get(api.shutdown()));
    assertEquals(Fault.SHUTDOWN_STATE, faultOf(api.getState()));
    assertEquals(Fault.SHUTDOWN_STATE, faultOf(api.getProcessInfo("web")));
    assertTrue(get(api.sendRemoteCommEvent("t", "d")), "sendRemoteCommEvent has no state gate");
  }

  @Test
  void addAndRemoveGroups() throws Exception {
    awaitState("manual", ProcessState.STOPPED);
    awaitState("web", ProcessState.RUNNING); // its autostart may not have begun yet
    assertEquals(Fault.STILL_RUNNING, faultOf(api.removeProcessGroup("web")));
    assertTrue(get(api.removeProcessGroup("manual")));
    assertEquals(Fault.BAD_NAME, faultOf(api.getProcessInfo("manual")));
    assertEquals(Fault.BAD_NAME, faultOf(api.removeProcessGroup("manual")));
    assertTrue(get(api.addProcessGroup("manual")));
    assertEquals(ProcessState.STOPPED, get(api.getProcessInfo("manual")).state());
    assertEquals(Fault.ALREADY_ADDED, faultOf(api.addProcessGroup("manual")));
    assertEquals(Fault.BAD_NAME, faultOf(api.addProcessGroup("nosuch")));
  }
}
