package dev.supervisor4j.daemon.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supervisor4j.daemon.testing.TestClock;
import java.time.Duration;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TICK_* on a wall clock and a scheduler that move only when the test moves them. */
class TickerTest {
  static ActorTestKit kit;
  static ManualTime time;

  @BeforeAll
  static void up() {
    kit = ActorTestKit.create(ManualTime.config());
    time = ManualTime.get(kit.system());
  }

  @AfterAll
  static void down() {
    kit.shutdownTestKit();
  }

  @Test
  void tick5EveryFiveSecondsWithTheStartOfThePeriod() {
    // 2 s into a 5-s slice, 57 s into a minute: 1795486917 = 1795486920 - 3.
    TestClock clock = new TestClock(1_795_486_917_000L);
    TestProbe<TickEvent> ticks = kit.createTestProbe();
    kit.spawn(Ticker.create(ticks.getRef(), clock));
    ticks.expectNoMessage(Duration.ofMillis(50)); // none at start-up
    move(clock, Duration.ofMillis(2_999));
    ticks.expectNoMessage(Duration.ofMillis(50));
    move(clock, Duration.ofMillis(1));
    assertEquals(new TickEvent(5, 1_795_486_920L), ticks.receiveMessage());
    assertEquals(new TickEvent(60, 1_795_486_920L), ticks.receiveMessage());
    ticks.expectNoMessage(Duration.ofMillis(50));
    for (long when = 1_795_486_925L; when <= 1_795_486_940L; when += 5) {
      move(clock, Duration.ofSeconds(5));
      assertEquals(new TickEvent(5, when), ticks.receiveMessage());
    }
    ticks.expectNoMessage(Duration.ofMillis(50));
  }

  @Test
  void theHubPublishesTicksToSubscribersOfTheirType() {
    TestClock clock = new TestClock(1_795_486_921_000L);
    TestProbe<SupervisorEvent> events = kit.createTestProbe();
    var hub = kit.spawn(EventHub.create(clock));
    hub.tell(new EventHub.SubscribeTo(Set.of(EventType.TICK_5), events.getRef()));
    events.expectNoMessage(Duration.ofMillis(50)); // the subscription is in before time moves
    for (long when = 1_795_486_925L; when <= 1_795_486_935L; when += 5) {
      move(clock, Duration.ofSeconds(5));
      assertEquals(new TickEvent(5, when), events.receiveMessage());
    }
    // A jump of the clock gives one tick per period, for the new slice (Supervisor: the same);
    // TICK_60 at ...980 is not subscribed.
    move(clock, Duration.ofSeconds(47));
    assertEquals(new TickEvent(5, 1_795_486_980L), events.receiveMessage());
    events.expectNoMessage(Duration.ofMillis(50));
  }

  @Test
  void aTimerThatFiresEarlyLooksAgain() {
    assertEquals(Duration.ofMillis(1), Ticker.untilNext(1_000_004_999L));
    assertEquals(Duration.ofSeconds(5), Ticker.untilNext(1_000_005_000L));
    assertEquals(1_795_486_920L, Ticker.slice(60, 1_795_486_979_999L));
  }

  private static void move(TestClock clock, Duration d) {
    clock.advance(d);
    time.timePasses(d);
  }
}
