package dev.supervisor4j.daemon.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.supervisor4j.daemon.ledger.LedgerEvent.Intent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger's stable address across restarts: a switch writes what the ledger in place has (even
 * before its journal opened), closes it, and goes on with the next one or with none; while history
 * is off, records are dropped and questions answered at once.
 */
class LedgerSwitchTest {
  private static final ActorTestKit kit = ActorTestKit.create(PersistenceTestKitPlugin.getInstance().config()
      .withFallback(PersistenceTestKitSnapshotPlugin.config())
      .withFallback(LedgerSerializer.config())
      .withFallback(ConfigFactory.load()));
  private static final PersistenceTestKit journal = PersistenceTestKit.create(kit.system());

  @BeforeEach
  void clean() {
    journal.clearAll();
    journal.resetPolicy();
  }

  @AfterAll
  static void down() {
    kit.shutdownTestKit();
  }

  private static Behavior<LedgerMsg> ledger() {
    return Ledger.create(50, 0, "test journal", Clock.systemUTC());
  }

  private static LedgerEvent.OperatorActed stop(String spec) {
    return new LedgerEvent.OperatorActed(1, "alice", "tcp", "stopProcess", spec, List.of(spec), Intent.STOPPED,
        true, "OK");
  }

  private static void switchTo(ActorRef<LedgerMsg> ledger, Behavior<LedgerMsg> next, Runnable closeNext) {
    TestProbe<Done> done = kit.createTestProbe();
    ledger.tell(new LedgerMsg.Switch(next, closeNext, done.ref()));
    done.receiveMessage(Duration.ofSeconds(10));
  }

  @Test
  void aSwitchWritesWhatTheLedgerHasClosesItAndGoesOnWithTheNext() {
    AtomicInteger closedFirst = new AtomicInteger();
    ActorRef<LedgerMsg> ledger = kit.spawn(LedgerSwitch.create(ledger(), closedFirst::incrementAndGet,
        DispatcherSelector.defaultDispatcher()));
    // the journal is not open yet: the record waits in the ledger's buffer
    ledger.tell(new LedgerMsg.Record(new LedgerEvent.DaemonStarted(1, 42, "test")));
    TestProbe<StatusReply<Done>> ack = kit.createTestProbe();
    ledger.tell(new LedgerMsg.RecordAction(stop("web:web"), ack.ref()));

    AtomicInteger closedSecond = new AtomicInteger();
    switchTo(ledger, null, closedSecond::incrementAndGet);
    assertTrue(ack.receiveMessage().isSuccess());
    assertEquals(2, journal.persistedInStorage(LedgerStream.DAEMON).size());
    assertEquals(1, closedFirst.get());

    // off: dropped, or answered at once
    ledger.tell(new LedgerMsg.Record(new LedgerEvent.DaemonStarted(2, 42, "test")));
    ledger.tell(new LedgerMsg.RecordAction(stop("db:db"), ack.ref()));
    assertEquals(LedgerSwitch.OFF, ack.receiveMessage().getError().getMessage());
    TestProbe<StatusReply<LedgerMsg.Streams>> streams = kit.createTestProbe();
    ledger.tell(new LedgerMsg.GetStreams(List.of(), streams.ref()));
    assertEquals(LedgerSwitch.OFF, streams.receiveMessage().getError().getMessage());
    TestProbe<Set<String>> remembered = kit.createTestProbe();
    ledger.tell(new LedgerMsg.GetRememberedStopped(remembered.ref()));
    assertEquals(Set.of(), remembered.receiveMessage());
    TestProbe<Done> flushed = kit.createTestProbe();
    ledger.tell(new LedgerMsg.Flush(flushed.ref()));
    flushed.receiveMessage();

    // on again: the next ledger reads what the first one wrote
    switchTo(ledger, ledger(), () -> { });
    assertEquals(0, closedSecond.get(), "the next ledger's close runs when it stops, not before");
    ledger.tell(new LedgerMsg.GetRememberedStopped(remembered.ref()));
    assertEquals(Set.of("web:web"), remembered.receiveMessage(Duration.ofSeconds(10)));
    assertEquals(2, journal.persistedInStorage(LedgerStream.DAEMON).size(), "nothing recorded while off");
    assertFalse(journal.persistedInStorage(LedgerStream.DAEMON).stream()
        .anyMatch(e -> e instanceof LedgerEvent.OperatorActed a && a.target().equals("db:db")));
  }
}
