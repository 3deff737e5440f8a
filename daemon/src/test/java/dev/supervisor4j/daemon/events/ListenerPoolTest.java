package dev.supervisor4j.daemon.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.GroupKind;
import dev.supervisor4j.daemon.config.ListenerOptions;
import dev.supervisor4j.daemon.process.ProcessEvent;
import dev.supervisor4j.daemon.process.ProcessMsg;
import dev.supervisor4j.daemon.testing.Programs;
import dev.supervisor4j.protocol.ProcessState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pool behind a real hub, with probes standing in for its listener processes: what reaches a
 * listener's stdin, and when (spec §5.3).
 */
class ListenerPoolTest {
  static ActorTestKit kit;

  @BeforeAll
  static void up() {
    kit = ActorTestKit.create();
  }

  @AfterAll
  static void down() {
    kit.shutdownTestKit();
  }

  /** A hub with one pool "pool" of listeners l1 and l2 (probes), subscribed to REMOTE_COMMUNICATION. */
  private static final class Fixture {
    final ActorRef<HubMsg> hub = kit.spawn(EventHub.create());
    final TestProbe<ProcessMsg> l1 = kit.createTestProbe();
    final TestProbe<ProcessMsg> l2 = kit.createTestProbe();

    Fixture(int bufferSize) {
      GroupConfig group = new GroupConfig("pool", GroupKind.EVENT_LISTENER, -1,
          List.of(Programs.named("l1").build(), Programs.named("l2").build()),
          new ListenerOptions(List.of("REMOTE_COMMUNICATION"), bufferSize, "supervisor.dispatchers:default_handler"),
          null);
      hub.tell(new EventHub.GroupAdded(group, "myident", Map.of("l1", l1.getRef(), "l2", l2.getRef())));
    }

    void state(String name, ProcessState from, ProcessState to, long pid) {
      hub.tell(new EventHub.Changed(new ProcessEvent(name, "pool", from, to, 0, pid, false, 0)));
    }

    void says(String name, long pid, String text) {
      hub.tell(new EventHub.ListenerOutput("pool", name, pid, text.getBytes(StandardCharsets.UTF_8)));
    }

    void running(String name, long pid) {
      state(name, ProcessState.STOPPED, ProcessState.STARTING, 0);
      says(name, pid, "READY\n");
      state(name, ProcessState.STARTING, ProcessState.RUNNING, pid);
    }

    void send(String data) {
      hub.tell(new RemoteCommEvent("t", data));
    }
  }

  /** The next event written to a listener (acknowledging the write), as text. */
  private static String written(TestProbe<ProcessMsg> listener, long pid) {
    ProcessMsg.WriteStdinOf w = listener.expectMessageClass(ProcessMsg.WriteStdinOf.class, Duration.ofSeconds(5));
    assertEquals(pid, w.pid());
    w.replyTo().tell(StatusReply.ack());
    return new String(w.data(), StandardCharsets.UTF_8);
  }

  @Test
  void failGetsTheSameEventAgainWithTheSameSerials() {
    Fixture f = new Fixture(10);
    f.running("l1", 101);
    f.send("one");
    String first = written(f.l1, 101);
    assertEquals("ver:3.0 server:myident serial:0 pool:pool poolserial:0 eventname:REMOTE_COMMUNICATION len:10\n"
        + "type:t\none", first);
    f.send("two");
    f.l1.expectNoMessage(Duration.ofMillis(100)); // BUSY: one event at a time
    f.says("l1", 101, "RESULT 4\nFAIL");
    f.says("l1", 101, "READY\n");
    assertEquals(first, written(f.l1, 101));
    f.says("l1", 101, "RESULT 2\nOKREADY\n");
    assertTrue(written(f.l1, 101).startsWith("ver:3.0 server:myident serial:1 pool:pool poolserial:1 "));
  }

  @Test
  void onlyRunningReadyListenersGetEvents() {
    Fixture f = new Fixture(10);
    f.state("l1", ProcessState.STOPPED, ProcessState.STARTING, 0);
    f.says("l1", 201, "READY\n"); // READY but still STARTING
    f.send("x");
    f.l1.expectNoMessage(Duration.ofMillis(200));
    f.running("l2", 202);
    assertTrue(written(f.l2, 202).endsWith("type:t\nx"));
    f.state("l1", ProcessState.STARTING, ProcessState.RUNNING, 201);
    f.send("y");
    assertTrue(written(f.l1, 201).endsWith("type:t\ny"));
  }

  @Test
  void anEventInFlightWhenItsListenerDiesIsSentAgainToItsSuccessor() {
    Fixture f = new Fixture(10);
    f.running("l1", 301);
    f.send("z");
    String first = written(f.l1, 301);
    f.state("l1", ProcessState.RUNNING, ProcessState.EXITED, 301);
    f.says("l1", 302, "READY\n"); // the new child may speak before its STARTING is seen
    f.state("l1", ProcessState.EXITED, ProcessState.STARTING, 0);
    f.l1.expectNoMessage(Duration.ofMillis(100));
    f.state("l1", ProcessState.STARTING, ProcessState.RUNNING, 302);
    assertEquals(first, written(f.l1, 302));
  }

  @Test
  void oneGlobalSerialTakenOnlyByEventsSomePoolWants() {
    Fixture f = new Fixture(10);
    TestProbe<ProcessMsg> t1 = kit.createTestProbe();
    GroupConfig ticks = new GroupConfig("ticks", GroupKind.EVENT_LISTENER, -1, List.of(Programs.named("t1").build()),
        new ListenerOptions(List.of("TICK", "PROCESS_GROUP"), 10, "supervisor.dispatchers:default_handler"), null);
    f.hub.tell(new EventHub.GroupAdded(ticks, "myident", Map.of("t1", t1.getRef()))); // its own ADDED: serial 0
    f.hub.tell(new EventHub.Changed(new ProcessEvent("t1", "ticks", ProcessState.STOPPED, ProcessState.STARTING, 0, 0, false, 0)));
    f.hub.tell(new EventHub.ListenerOutput("ticks", "t1", 501, "READY\n".getBytes(StandardCharsets.UTF_8)));
    f.hub.tell(new EventHub.Changed(new ProcessEvent("t1", "ticks", ProcessState.STARTING, ProcessState.RUNNING, 0, 501, false, 0)));
    assertTrue(written(t1, 501).contains(" serial:0 pool:ticks poolserial:0 eventname:PROCESS_GROUP_ADDED "));
    f.hub.tell(new EventHub.ListenerOutput("ticks", "t1", 501, "RESULT 2\nOKREADY\n".getBytes(StandardCharsets.UTF_8)));
    f.running("l1", 502);
    f.hub.tell(SupervisorStateEvent.RUNNING); // nobody wants it: no serial
    f.send("a");                              // pool "pool" only: serial 1, its poolserial 0
    f.hub.tell(new TickEvent(5, 1_795_486_920L)); // pool "ticks" only: serial 2, its poolserial 1
    assertTrue(written(f.l1, 502).contains(" serial:1 pool:pool poolserial:0 eventname:REMOTE_COMMUNICATION "));
    assertTrue(written(t1, 501).contains(" serial:2 pool:ticks poolserial:1 eventname:TICK_5 len:15\nwhen:1795486920"));
  }

  @Test
  void anUpdatedGroupKeepsItsBufferAndSerials() {
    Fixture f = new Fixture(10);
    f.send("kept");
    TestProbe<ProcessMsg> l3 = kit.createTestProbe();
    GroupConfig updated = new GroupConfig("pool", GroupKind.EVENT_LISTENER, -1,
        List.of(Programs.named("l1").build(), Programs.named("l3").build()),
        new ListenerOptions(List.of("REMOTE_COMMUNICATION"), 10, "supervisor.dispatchers:default_handler"), null);
    f.hub.tell(new EventHub.GroupUpdated(updated, "myident", Map.of("l1", f.l1.getRef(), "l3", l3.getRef())));
    f.running("l3", 601);
    assertTrue(written(l3, 601).contains(" serial:0 pool:pool poolserial:0 eventname:REMOTE_COMMUNICATION len:11\ntype:t\nkept"));
  }

  @Test
  void aFullBufferDropsItsOldestEvent() {
    Fixture f = new Fixture(3);
    for (String d : List.of("a", "b", "c", "d", "e")) {
      f.send(d);
    }
    f.running("l1", 401);
    // serials 0 and 1 ("a", "b") were discarded
    assertTrue(written(f.l1, 401).contains("serial:2 pool:pool poolserial:2 eventname:REMOTE_COMMUNICATION len:8\ntype:t\nc"));
    f.says("l1", 401, "RESULT 2\nOKREADY\n");
    assertTrue(written(f.l1, 401).endsWith("\nd"));
    f.says("l1", 401, "RESULT 2\nOKREADY\n");
    assertTrue(written(f.l1, 401).endsWith("\ne"));
  }
}
