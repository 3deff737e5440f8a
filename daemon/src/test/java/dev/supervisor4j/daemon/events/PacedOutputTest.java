package dev.supervisor4j.daemon.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Child output on its way to the hub is paced per pipe: a flooding child with events enabled waits
 * while its messages sit in the hub's mailbox, so no mailbox grows without bound; the real hub
 * gives each credit back once it has passed the message on.
 */
class PacedOutputTest {
  static ActorTestKit kit;

  @BeforeAll
  static void start() {
    kit = ActorTestKit.create();
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  private static ProcessLogEvent chunk(int i) {
    return new ProcessLogEvent("flood", "flood", 42, "stdout", ("line " + i + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void aPipeWaitsWhileItsCreditsAreInTheMailboxAndGoesOnInOrderWhenTheyComeBack() throws Exception {
    TestProbe<HubMsg> hub = kit.createTestProbe();
    Consumer<HubMsg> toHub = EventHub.paced(hub.getRef());
    int total = 100;
    Thread writer = new Thread(() -> {
      for (int i = 0; i < total; i++) {
        toHub.accept(chunk(i));
      }
    }, "test-writer");
    writer.start();
    List<EventHub.Paced> held = new ArrayList<>();
    for (int i = 0; i < EventHub.PIPE_CREDITS; i++) {
      held.add(hub.expectMessageClass(EventHub.Paced.class));
    }
    hub.expectNoMessage(Duration.ofMillis(300)); // less than the wait for a credit
    assertTrue(writer.isAlive(), "the pipe's writer waits for a credit");

    List<HubMsg> got = new ArrayList<>();
    held.forEach(p -> {
      got.add(p.message());
      p.credits().release(); // what the hub does once it passed a message on
    });
    while (got.size() < total) {
      EventHub.Paced p = hub.expectMessageClass(EventHub.Paced.class);
      got.add(p.message());
      p.credits().release();
    }
    writer.join(5_000);
    for (int i = 0; i < total; i++) {
      assertEquals(new String(chunk(i).data(), StandardCharsets.US_ASCII),
          new String(((ProcessLogEvent) got.get(i)).data(), StandardCharsets.US_ASCII));
    }
  }

  @Test
  void theHubPublishesAPacedEventAndGivesItsCreditBack() {
    ActorRef<HubMsg> hub = kit.spawn(EventHub.create());
    TestProbe<SupervisorEvent> subscriber = kit.createTestProbe();
    hub.tell(new EventHub.SubscribeTo(Set.of(EventType.PROCESS_LOG), subscriber.getRef()));
    Semaphore credits = new Semaphore(EventHub.PIPE_CREDITS);
    Consumer<HubMsg> toHub = EventHub.paced(hub, credits);
    int total = EventHub.PIPE_CREDITS * 4; // more than the credits: each must come back
    for (int i = 0; i < total; i++) {
      toHub.accept(chunk(i));
    }
    for (int i = 0; i < total; i++) {
      ProcessLogEvent e = (ProcessLogEvent) subscriber.expectMessageClass(ProcessLogEvent.class);
      assertEquals("line " + i + "\n", new String(e.data(), StandardCharsets.US_ASCII));
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (credits.availablePermits() < EventHub.PIPE_CREDITS && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(EventHub.PIPE_CREDITS, credits.availablePermits(), "every credit came back");
  }
}
