package dev.supervisor4j.daemon.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.board.StatusBoard;
import dev.supervisor4j.daemon.spawn.SpawnRequest;
import dev.supervisor4j.daemon.testing.FakeChild;
import dev.supervisor4j.daemon.testing.BrokenOutput;
import dev.supervisor4j.daemon.testing.FakeSpawner;
import dev.supervisor4j.daemon.testing.Programs;
import dev.supervisor4j.daemon.testing.TestClock;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What holds for every state: every command is answered, our own bugs do not lose the child. */
class ProcessActorTest {
  static ActorTestKit kit;

  @BeforeAll
  static void up() {
    kit = ActorTestKit.create(ManualTime.config());
  }

  @AfterAll
  static void down() {
    kit.shutdownTestKit();
  }

  /** Scripts that bring a fresh actor into each state. */
  static final Map<ProcessState, Consumer<Harness>> REACH = Map.of(
      ProcessState.STOPPED, h -> { },
      ProcessState.STARTING, h -> {
        h.autostart();
        h.expect(ProcessState.STARTING);
      },
      ProcessState.RUNNING, Harness::toRunning,
      ProcessState.BACKOFF, h -> {
        h.autostart();
        h.expect(ProcessState.STARTING);
        h.child().exit(1);
        h.expect(ProcessState.BACKOFF);
      },
      ProcessState.STOPPING, h -> {
        h.spawner.onSpawn(FakeChild::ignoringSignals);
        h.toRunning();
        h.stop(false);
        h.expect(ProcessState.STOPPING);
      },
      ProcessState.EXITED, h -> {
        h.toRunning();
        h.child().exit(0);
        h.expect(ProcessState.EXITED);
      },
      ProcessState.FATAL, h -> {
        h.autostart();
        h.expect(ProcessState.STARTING);
        h.child().exit(1);
        h.expect(ProcessState.BACKOFF, ProcessState.FATAL);
      },
      ProcessState.UNKNOWN, h -> {
        h.toRunning();
        h.child().failingSignals();
        h.stop(false);
        h.expect(ProcessState.STOPPING, ProcessState.UNKNOWN);
      });

  @Test
  void everyStateAnswersEveryCommand() {
    for (ProcessState state : ProcessState.values()) {
      for (int command = 0; command < 8; command++) {
        int retries = state == ProcessState.FATAL ? 0 : 3;
        Harness h = new Harness(kit, Programs.named("p").startRetries(retries).stopWaitSecs(100).build(),
            new FakeSpawner());
        REACH.get(state).accept(h);
        assertEquals(state, h.info().state(), "reached");
        TestProbe<StatusReply<Done>> reply = kit.createTestProbe();
        ActorRef<StatusReply<Done>> r = reply.getRef();
        ProcessMsg.Command cmd = List.<ProcessMsg.Command>of(
            new ProcessMsg.Start(false, true, r), new ProcessMsg.Stop(false, r), new ProcessMsg.SendSignal(Signal.HUP, r),
            new ProcessMsg.WriteStdin(new byte[] {'x'}, r), new ProcessMsg.ReopenLogs(false, r),
            new ProcessMsg.StopForShutdown(r), new ProcessMsg.Start(true, true, r),
            new ProcessMsg.WriteStdinOf(1001, new byte[] {'x'}, r)).get(command);
        h.actor.tell(cmd);
        if (cmd instanceof ProcessMsg.StopForShutdown && state == ProcessState.STOPPING) {
          h.child().exit(0); // answered once stopped
        }
        if (cmd instanceof ProcessMsg.Start && ((ProcessMsg.Start) cmd).waitFor()
            && (state == ProcessState.STOPPED || state == ProcessState.EXITED || state == ProcessState.FATAL)) {
          h.expect(ProcessState.STARTING);
          h.advanceSecs(1); // a start with wait is answered at RUNNING
        }
        try {
          reply.expectMessageClass(StatusReply.class, Duration.ofSeconds(3));
        } catch (AssertionError e) {
          throw new AssertionError(state + " did not answer " + cmd, e);
        }
        kit.stop(h.actor);
      }
    }
  }

  @Test
  void anEventForAListenerReachesOnlyTheChildItWasMeantFor() {
    Harness h = new Harness(kit, Programs.named("listener").startSecs(0).build(), new FakeSpawner());
    h.toRunning();
    long pid = h.child().pid();
    TestProbe<StatusReply<Done>> write = kit.createTestProbe();
    h.actor.tell(new ProcessMsg.WriteStdinOf(pid, "event".getBytes(), write.getRef()));
    Harness.expectAck(write);
    assertEquals("event", new String(h.child().stdinBytes()));
    h.actor.tell(new ProcessMsg.WriteStdinOf(pid + 1, "other".getBytes(), write.getRef()));
    Harness.expectFault(write, Fault.NOT_RUNNING);
    assertEquals("event", new String(h.child().stdinBytes()));
  }

  @Test
  void aChildThatDoesNotReadItsStdinBlocksOnlyThatWrite() {
    CountDownLatch gate = new CountDownLatch(1);
    Harness h = new Harness(kit, Programs.named("deaf").build(), new FakeSpawner());
    h.toRunning();
    h.child().blockingStdinUntil(gate);
    TestProbe<StatusReply<Done>> write = kit.createTestProbe();
    h.actor.tell(new ProcessMsg.WriteStdin("hello".getBytes(), write.getRef()));
    write.expectNoMessage(Duration.ofMillis(100));
    assertEquals(ProcessState.RUNNING, h.info().state(), "the actor still answers");
    Harness.expectAck(h.stop(true));
    h.expect(ProcessState.STOPPING, ProcessState.STOPPED);
    gate.countDown();
    write.expectMessageClass(StatusReply.class);
  }

  @Test
  void aThrowingHandlerNeitherLosesNorOrphansTheChild() {
    ChildOutput broken = new BrokenOutput();
    FakeSpawner spawner = new FakeSpawner();
    TestProbe<ProcessEvent> events = kit.createTestProbe();
    ActorRef<ProcessMsg> actor = kit.spawn(ProcessActor.create(Programs.named("p").startSecs(0).build(), "p",
        spawner, (p, g) -> new SpawnRequest("/bin/true", List.of("x"), Map.of(), null, null, null, false),
        broken, events.getRef(), new TestClock(0), new Generation(), new StatusBoard()));
    actor.tell(new ProcessMsg.Start(false, false, kit.system().ignoreRef()));
    events.expectMessageClass(ProcessEvent.class);
    events.expectMessageClass(ProcessEvent.class);
    actor.tell(new ProcessMsg.ReopenLogs(false, kit.system().ignoreRef())); // throws inside the actor
    TestProbe<ProcessInfo> info = kit.createTestProbe();
    actor.tell(new ProcessMsg.GetInfo(info.getRef()));
    ProcessInfo after = info.receiveMessage();
    assertEquals(ProcessState.RUNNING, after.state(), "resumed with its state");
    assertEquals(spawner.last().pid(), after.pid(), "still tracking its child");

    kit.stop(actor); // the actor goes away for good: its child must not outlive it
    assertTrue(spawner.last().signals().contains(new FakeChild.Sent(Signal.KILL, true)), "child killed");
  }
}
