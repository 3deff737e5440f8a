package dev.supervisor4j.daemon.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.supervisor4j.daemon.ledger.LedgerEvent.Intent;
import dev.supervisor4j.protocol.ProcessState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger's routing and its availability, over Pekko's in-memory test journal: records land in
 * their streams, an action is answered once written, remembered stops are read back, and a failing
 * journal makes every question answer at once with the reason instead of waiting.
 */
class LedgerTest {
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

  private static ActorRef<LedgerMsg> ledger() {
    ActorRef<LedgerMsg> ledger = kit.spawn(Ledger.create(50, 0, "test journal", Clock.systemUTC()));
    ledger.tell(LedgerMsg.Open.INSTANCE);
    return ledger;
  }

  private static LedgerEvent.OperatorActed stop(String spec) {
    return new LedgerEvent.OperatorActed(1, "alice", "tcp", "stopProcess", spec, List.of(spec), Intent.STOPPED,
        true, "OK");
  }

  private static LedgerMsg.Streams streams(ActorRef<LedgerMsg> ledger, List<String> processes) {
    TestProbe<StatusReply<LedgerMsg.Streams>> reply = kit.createTestProbe();
    ledger.tell(new LedgerMsg.GetStreams(processes, reply.ref()));
    StatusReply<LedgerMsg.Streams> answer = reply.receiveMessage();
    assertTrue(answer.isSuccess(), String.valueOf(answer));
    return answer.getValue();
  }

  private static LedgerState read(ActorRef<LedgerStream.Command> stream) {
    TestProbe<LedgerState> state = kit.createTestProbe();
    stream.tell(new LedgerStream.Read(state.ref()));
    return state.receiveMessage();
  }

  @Test
  void recordsGoToTheirStreamsAndActionsAreAnsweredOnceWritten() {
    ActorRef<LedgerMsg> ledger = ledger();
    ledger.tell(new LedgerMsg.Record(new LedgerEvent.ProcessStateChanged("web", "web", ProcessState.STOPPED,
        ProcessState.STARTING, 1, 0, null, false, "")));
    TestProbe<StatusReply<Done>> ack = kit.createTestProbe();
    ledger.tell(new LedgerMsg.RecordAction(stop("web:web"), ack.ref()));
    assertTrue(ack.receiveMessage().isSuccess());
    assertEquals(1, journal.persistedInStorage(LedgerStream.DAEMON).size());

    LedgerMsg.Streams s = streams(ledger, List.of("web:web"));
    assertEquals(1, read(s.processes().get(0)).starts());
    assertEquals(Set.of("web:web"), read(s.daemon()).stoppedByOperator());

    TestProbe<Set<String>> remembered = kit.createTestProbe();
    ledger.tell(new LedgerMsg.GetRememberedStopped(remembered.ref()));
    assertEquals(Set.of("web:web"), remembered.receiveMessage());
  }

  @Test
  void recordsBeforeTheJournalOpensAreKeptAndWritten() {
    ActorRef<LedgerMsg> ledger = kit.spawn(Ledger.create(50, 0, "test journal", Clock.systemUTC()));
    ledger.tell(new LedgerMsg.Record(new LedgerEvent.DaemonStarted(1, 42, "test")));
    ledger.tell(LedgerMsg.Open.INSTANCE);
    TestProbe<Done> flushed = kit.createTestProbe();
    ledger.tell(new LedgerMsg.Flush(flushed.ref()));
    flushed.receiveMessage(Duration.ofSeconds(10));
    assertEquals(1, journal.persistedInStorage(LedgerStream.DAEMON).size());
  }

  @Test
  void stateChangesAreWrittenInBatchesAndAFlushWritesWhatIsBuffered() {
    ActorRef<LedgerMsg> ledger = ledger();
    List<LedgerEvent.ProcessStateChanged> changes = List.of(
        new LedgerEvent.ProcessStateChanged("web", "web", ProcessState.STOPPED, ProcessState.STARTING, 1, 0, null,
            false, ""),
        new LedgerEvent.ProcessStateChanged("web", "web", ProcessState.STARTING, ProcessState.RUNNING, 2, 7, null,
            false, ""),
        new LedgerEvent.ProcessStateChanged("web", "web", ProcessState.RUNNING, ProcessState.EXITED, 3, 7, 1,
            false, ""));
    changes.forEach(c -> ledger.tell(new LedgerMsg.Record(c)));
    LedgerMsg.Streams s = streams(ledger, List.of("web:web"));
    assertEquals(changes, read(s.processes().get(0)).recent()); // buffered, yet read
    TestProbe<Done> flushed = kit.createTestProbe();
    ledger.tell(new LedgerMsg.Flush(flushed.ref()));
    flushed.receiveMessage(Duration.ofSeconds(10));
    assertEquals(List.of(new LedgerEvent.StateChanges(changes)),
        journal.persistedInStorage(LedgerStream.processStream("web", "web")));
  }

  @Test
  void aFailedWriteMakesHistoryUnavailableAndQuestionsAnswerAtOnce() {
    ActorRef<LedgerMsg> ledger = ledger();
    streams(ledger, List.of()); // the daemon stream is up
    journal.failNextPersisted();
    TestProbe<StatusReply<Done>> ack = kit.createTestProbe();
    ledger.tell(new LedgerMsg.RecordAction(stop("web:web"), ack.ref()));

    TestProbe<StatusReply<LedgerMsg.Streams>> reply = kit.createTestProbe();
    reply.awaitAssert(Duration.ofSeconds(10), () -> {
      ledger.tell(new LedgerMsg.GetStreams(List.of("web:web"), reply.ref()));
      StatusReply<LedgerMsg.Streams> answer = reply.receiveMessage(Duration.ofSeconds(1));
      assertTrue(answer.isError());
      assertTrue(answer.getError().getMessage().startsWith("history unavailable: a write to the journal failed"),
          answer.getError().getMessage());
      return null;
    });
    TestProbe<StatusReply<Done>> refused = kit.createTestProbe();
    ledger.tell(new LedgerMsg.RecordAction(stop("db:db"), refused.ref()));
    assertTrue(refused.receiveMessage(Duration.ofSeconds(1)).isError());
    TestProbe<Set<String>> remembered = kit.createTestProbe();
    ledger.tell(new LedgerMsg.GetRememberedStopped(remembered.ref()));
    assertEquals(Set.of(), remembered.receiveMessage(Duration.ofSeconds(1)));
    TestProbe<Done> flushed = kit.createTestProbe();
    ledger.tell(new LedgerMsg.Flush(flushed.ref()));
    flushed.receiveMessage(Duration.ofSeconds(1));
  }

  @Test
  void aJournalThatCannotBeReadMakesHistoryUnavailable() {
    journal.failNextRead();
    ActorRef<LedgerMsg> ledger = ledger();
    TestProbe<Set<String>> remembered = kit.createTestProbe();
    ledger.tell(new LedgerMsg.GetRememberedStopped(remembered.ref()));
    assertEquals(Set.of(), remembered.receiveMessage(Duration.ofSeconds(10)));
    TestProbe<StatusReply<LedgerMsg.Streams>> reply = kit.createTestProbe();
    ledger.tell(new LedgerMsg.GetStreams(List.of(), reply.ref()));
    StatusReply<LedgerMsg.Streams> answer = reply.receiveMessage(Duration.ofSeconds(1));
    assertTrue(answer.isError());
    assertTrue(answer.getError().getMessage().startsWith("history unavailable: cannot read the journal"),
        answer.getError().getMessage());
  }

  private static final String LONG = "a".repeat(100_000);
  /** An emoji (a surrogate pair) and an unpaired high surrogate. */
  private static final String ODD = "\uD83D\uDE80 \uD800 lone";

  @Test
  void hostileTextIsRecordedTruncatedReadBackAndHistoryStaysAvailable() {
    ActorRef<LedgerMsg> ledger = ledger();
    String name = LONG + ODD;
    // What startProcess('a'*100000…) records: a failed action with the name as target and in the result.
    TestProbe<StatusReply<Done>> ack = kit.createTestProbe();
    ledger.tell(new LedgerMsg.RecordAction(new LedgerEvent.OperatorActed(1, "alice", "tcp", "startProcess", name,
        List.of(), Intent.NONE, false, "BAD_NAME: " + name), ack.ref()));
    assertTrue(ack.receiveMessage(Duration.ofSeconds(10)).isSuccess());
    ledger.tell(new LedgerMsg.Record(new LedgerEvent.ProcessStateChanged("web" + ODD, "web" + ODD,
        ProcessState.STARTING, ProcessState.BACKOFF, 2, 0, null, false, "spawn error " + ODD + LONG)));
    // The next action is written at once: history is still available.
    TestProbe<StatusReply<Done>> next = kit.createTestProbe();
    ledger.tell(new LedgerMsg.RecordAction(stop("web:web"), next.ref()));
    assertTrue(next.receiveMessage(Duration.ofSeconds(10)).isSuccess());
    TestProbe<Done> flushed = kit.createTestProbe();
    ledger.tell(new LedgerMsg.Flush(flushed.ref()));
    flushed.receiveMessage(Duration.ofSeconds(10));
    kit.stop(ledger);

    // Read back from the journal by a new ledger (recovery deserialises every row).
    ActorRef<LedgerMsg> again = ledger();
    LedgerMsg.Streams s = streams(again, List.of("web" + ODD + ":web" + ODD));
    List<LedgerEvent> actions = read(s.daemon()).recent();
    assertEquals(2, actions.size());
    LedgerEvent.OperatorActed first = (LedgerEvent.OperatorActed) actions.get(0);
    assertEquals(LedgerEvent.MAX_TEXT, first.target().length());
    assertTrue(first.target().endsWith("\u2026[truncated " + (name.length() - first.target().indexOf('\u2026'))
        + " chars]"), first.target().substring(first.target().length() - 40));
    assertTrue(first.result().startsWith("BAD_NAME: aaaa"));
    assertEquals(stop("web:web"), actions.get(1));
    LedgerEvent.ProcessStateChanged change = (LedgerEvent.ProcessStateChanged) read(s.processes().get(0)).recent().get(0);
    assertEquals("web" + ODD, change.name());
    assertTrue(change.spawnError().startsWith("spawn error " + ODD + "aaa"), change.spawnError().substring(0, 30));
  }

  @Test
  void anEventThatCannotBeSerialisedIsDroppedAndTheStreamGoesOn() {
    ActorRef<LedgerMsg> ledger = ledger();
    // A state change without a state (a bug elsewhere) cannot be serialised.
    ledger.tell(new LedgerMsg.Record(new LedgerEvent.ProcessStateChanged("web", "web", null, ProcessState.EXITED, 3,
        7, 1, false, "")));
    TestProbe<Done> flushed = kit.createTestProbe();
    ledger.tell(new LedgerMsg.Flush(flushed.ref()));
    flushed.receiveMessage(Duration.ofSeconds(10));
    TestProbe<StatusReply<Done>> next = kit.createTestProbe();
    ledger.tell(new LedgerMsg.RecordAction(stop("web:web"), next.ref()));
    assertTrue(next.receiveMessage(Duration.ofSeconds(10)).isSuccess());
    List<Object> rows = journal.persistedInStorage(LedgerStream.processStream("web", "web"));
    assertEquals(1, rows.size());
    assertTrue(rows.get(0) instanceof LedgerEvent.Unrecorded, String.valueOf(rows));
    streams(ledger, List.of("web:web")); // history is still available
  }
}
