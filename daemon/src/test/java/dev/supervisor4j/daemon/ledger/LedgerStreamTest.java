package dev.supervisor4j.daemon.ledger;

import static dev.supervisor4j.protocol.ProcessState.EXITED;
import static dev.supervisor4j.protocol.ProcessState.RUNNING;
import static dev.supervisor4j.protocol.ProcessState.STARTING;
import static dev.supervisor4j.protocol.ProcessState.STOPPED;
import static dev.supervisor4j.protocol.ProcessState.STOPPING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.supervisor4j.daemon.ledger.LedgerEvent.Intent;
import dev.supervisor4j.protocol.HistoryEntry;
import dev.supervisor4j.protocol.ProcessState;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.persistence.testkit.javadsl.SnapshotTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One ledger stream with Pekko's EventSourcedBehaviorTestKit (in-memory journal and snapshot
 * store): which events each command persists, the state they build, retention (count, age,
 * journal deletion on snapshots) and recovery after a restart. Events and states go through the
 * real Jackson serialisation on every step, as they would to the journal.
 */
class LedgerStreamTest {
  private static final int MAX = 10;

  private static final ActorTestKit kit = ActorTestKit.create(
      EventSourcedBehaviorTestKit.config()
          .withFallback(ConfigFactory.parseString(
              "pekko.persistence.snapshot-store.plugin = \"pekko.persistence.testkit.snapshotstore.pluginid\""))
          .withFallback(LedgerSerializer.config())
          .withFallback(PersistenceTestKitSnapshotPlugin.config()));

  private final TestProbe<LedgerStream.Status> owner = kit.createTestProbe();
  private EventSourcedBehaviorTestKit<LedgerStream.Command, LedgerEvent, LedgerState> stream;
  private String id;

  @BeforeEach
  void fresh() {
    id = "process|web:web-" + System.nanoTime();
    stream = EventSourcedBehaviorTestKit.create(kit.system(), LedgerStream.create(id, MAX, owner.ref()),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyCommands(false));
    owner.expectMessageClass(LedgerStream.Recovered.class);
  }

  @AfterAll
  static void down() {
    kit.shutdownTestKit();
  }

  private static LedgerEvent.ProcessStateChanged change(ProcessState from, ProcessState to, long at) {
    Integer status = to == EXITED || to == STOPPED ? Integer.valueOf(3) : null;
    return new LedgerEvent.ProcessStateChanged("web", "web", from, to, at, 100 + at, status, false, "");
  }

  private EventSourcedBehaviorTestKit.CommandResultWithReply<LedgerStream.Command, LedgerEvent, LedgerState,
      StatusReply<Done>> append(LedgerEvent e) {
    return stream.<StatusReply<Done>>runCommand(r -> new LedgerStream.Append(e, r));
  }

  @Test
  void appendPersistsTheEventAndAnswersAfterTheWrite() {
    var result = append(change(STOPPED, STARTING, 1));
    assertEquals(List.of(change(STOPPED, STARTING, 1)), result.events());
    assertTrue(result.reply().isSuccess());
    assertEquals(1, result.state().starts());
  }

  @Test
  void stateCountsStartsUnexpectedExitsAndTheLastExit() {
    append(change(STOPPED, STARTING, 1));
    append(change(STARTING, RUNNING, 2));
    append(change(RUNNING, EXITED, 3));
    append(change(EXITED, STARTING, 4));
    LedgerState state = append(change(STARTING, RUNNING, 5)).state();
    assertEquals(2, state.starts());
    assertEquals(1, state.unexpectedExits());
    assertEquals(3, state.lastExitStatus());
    assertEquals(3, state.lastExitMillis());
    assertEquals(5, state.recent().size());
  }

  @Test
  void operatorStopsAreRememberedUntilAStart() {
    LedgerState afterStop = append(new LedgerEvent.OperatorActed(1, "alice", "tcp", "stopProcess", "web",
        List.of("web:web"), Intent.STOPPED, true, "OK")).state();
    assertEquals(Set.of("web:web"), afterStop.stoppedByOperator());
    LedgerState afterFailedStart = append(new LedgerEvent.OperatorActed(2, "bob", "unix", "startProcess", "web",
        List.of(), Intent.NONE, false, "SPAWN_ERROR: web")).state();
    assertEquals(Set.of("web:web"), afterFailedStart.stoppedByOperator());
    LedgerState afterStart = append(new LedgerEvent.OperatorActed(3, "bob", "unix", "startProcess", "web",
        List.of("web:web"), Intent.STARTED, true, "OK")).state();
    assertEquals(Set.of(), afterStart.stoppedByOperator());
  }

  @Test
  void keepsOnlyTheNewestMaxEventsButCountsAll() {
    for (int i = 0; i < 3 * MAX; i++) {
      append(change(STOPPED, STARTING, i));
    }
    LedgerState state = stream.getState();
    assertEquals(MAX, state.recent().size());
    assertEquals(2 * MAX, state.recent().get(0).epochMillis());
    assertEquals(3 * MAX, state.starts());
  }

  @Test
  void trimDropsWhatIsOlderThanTheCutoffAndPersistsNothingWhenNothingIsOld() {
    append(change(STOPPED, STARTING, 1_000));
    append(change(STARTING, RUNNING, 2_000));
    append(change(RUNNING, STOPPING, 9_000));
    var trimmed = stream.runCommand(new LedgerStream.Trim(10_000, 5_000));
    assertEquals(List.of(new LedgerEvent.HistoryTrimmed(10_000, 5_000)), trimmed.events());
    assertEquals(List.of(change(RUNNING, STOPPING, 9_000)), trimmed.state().recent());
    var again = stream.runCommand(new LedgerStream.Trim(10_000, 5_000));
    assertTrue(again.hasNoEvents());
  }

  @Test
  void journalKeepsAtMostMaxEventsAndTwoSnapshots() {
    PersistenceTestKit journal = PersistenceTestKit.create(kit.system());
    SnapshotTestKit snapshots = SnapshotTestKit.create(kit.system());
    String id = "process|web:retained";
    var retained = EventSourcedBehaviorTestKit.<LedgerStream.Command, LedgerEvent, LedgerState>create(kit.system(),
        LedgerStream.create(id, MAX, owner.ref()),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyCommands(false));
    owner.expectMessageClass(LedgerStream.Recovered.class);
    for (int i = 0; i < 10 * MAX; i++) {
      LedgerEvent e = change(STOPPED, STARTING, i);
      retained.<StatusReply<Done>>runCommand(r -> new LedgerStream.Append(e, r));
    }
    // A snapshot every MAX/2 events; the previous one is kept, and the events before it deleted.
    // Deletions follow the snapshot write asynchronously.
    kit.createTestProbe().awaitAssert(Duration.ofSeconds(5), () -> {
      int events = journal.persistedInStorage(id).size();
      assertTrue(events <= MAX, "events left in the journal: " + events);
      int kept = snapshots.persistedInStorage(id).size();
      assertTrue(kept <= 2, "snapshots kept: " + kept);
      return null;
    });
    retained.restart();
    assertEquals(10 * MAX, retained.getState().starts());
    assertEquals(MAX, retained.getState().recent().size());
  }

  @Test
  void recoveryRebuildsTheSameState() {
    append(change(STOPPED, STARTING, 1));
    append(change(STARTING, RUNNING, 2));
    append(new LedgerEvent.OperatorActed(3, "alice", "tcp", "stopProcess", "web", List.of("web:web"),
        Intent.STOPPED, true, "OK"));
    append(change(RUNNING, STOPPING, 3));
    LedgerState before = append(change(STOPPING, STOPPED, 4)).state();
    var restarted = stream.restart();
    assertEquals(before, restarted.state());
    owner.expectMessageClass(LedgerStream.Recovered.class);
  }

  @Test
  void readAnswersTheStateAndPersistsNothing() {
    append(change(STOPPED, STARTING, 1));
    var read = stream.<LedgerState>runCommand(LedgerStream.Read::new);
    assertTrue(read.hasNoEvents());
    assertEquals(1, read.reply().recent().size());
  }

  private void tell(LedgerEvent e) {
    assertTrue(stream.runCommand(new LedgerStream.Append(e, null)).hasNoEvents());
  }

  private static LedgerEvent.StateChanges batch(LedgerEvent.ProcessStateChanged... changes) {
    return new LedgerEvent.StateChanges(List.of(changes));
  }

  @Test
  void toldStateChangesAreBufferedAndReadsIncludeThemInOrder() {
    tell(change(STOPPED, STARTING, 1));
    tell(change(STARTING, RUNNING, 2));
    var read = stream.<LedgerState>runCommand(LedgerStream.Read::new);
    assertTrue(read.hasNoEvents());
    assertEquals(List.of(change(STOPPED, STARTING, 1), change(STARTING, RUNNING, 2)), read.reply().recent());
    assertEquals(1, read.reply().starts());
    assertEquals(0, stream.getState().recent().size()); // not written yet
  }

  @Test
  void flushWritesTheBufferAsOneBatchThenAnswers() {
    tell(change(STOPPED, STARTING, 1));
    tell(change(STARTING, RUNNING, 2));
    tell(change(RUNNING, EXITED, 3));
    var flushed = stream.<LedgerState>runCommand(LedgerStream.Flush::new);
    assertEquals(List.of(batch(change(STOPPED, STARTING, 1), change(STARTING, RUNNING, 2),
        change(RUNNING, EXITED, 3))), flushed.events());
    assertEquals(3, flushed.reply().recent().size());
    assertEquals(flushed.reply(), stream.getState());
    assertTrue(stream.<LedgerState>runCommand(LedgerStream.Flush::new).hasNoEvents());
  }

  @Test
  void theBufferIsWrittenWithinTheWindow() {
    PersistenceTestKit journal = PersistenceTestKit.create(kit.system());
    tell(change(STOPPED, STARTING, 1));
    tell(change(STARTING, RUNNING, 2));
    kit.createTestProbe().awaitAssert(Duration.ofSeconds(10), () -> {
      assertEquals(2, stream.getState().recent().size());
      return null;
    });
    assertEquals(List.of(batch(change(STOPPED, STARTING, 1), change(STARTING, RUNNING, 2))),
        journal.persistedInStorage(id));
  }

  private static LedgerEvent.ProcessStateChanged spawned(long pid, long at) {
    return new LedgerEvent.ProcessStateChanged("web", "web", EXITED, STARTING, at, pid, null, false, "",
        new ChildIdentity(pid, 1000 + pid, "boot"));
  }

  @Test
  void aNewChildIsWrittenAtOnceAfterAQuietWindowWithTheBufferBeforeIt() {
    AtomicLong nanos = new AtomicLong();
    stream = EventSourcedBehaviorTestKit.create(kit.system(),
        LedgerStream.create(id + "-clock", MAX, owner.ref(), "", nanos::get),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyCommands(false));
    owner.expectMessageClass(LedgerStream.Recovered.class);
    tell(change(RUNNING, EXITED, 1));
    var spawn = stream.runCommand(new LedgerStream.Append(spawned(42, 2), null));
    assertEquals(List.of(batch(change(RUNNING, EXITED, 1), spawned(42, 2))), spawn.events());
    // A second spawn within the window (a crash loop) waits for the window as before.
    tell(change(STARTING, EXITED, 3));
    nanos.addAndGet(LedgerStream.BATCH_WINDOW.toNanos() - 1);
    tell(spawned(43, 4));
    assertEquals(42, stream.getState().lastChild().pid());
    assertEquals(43, stream.<LedgerState>runCommand(LedgerStream.Read::new).reply().lastChild().pid());
    // A window after the last write, the next one is written at once again.
    nanos.addAndGet(1);
    assertEquals(List.of(batch(change(STARTING, EXITED, 3), spawned(43, 4), spawned(44, 5))),
        stream.runCommand(new LedgerStream.Append(spawned(44, 5), null)).events());
  }

  /** Names are capped as events cap them, so long names differ by their start and their length. */
  @Test
  void aLongNameGetsABoundedStreamIdOfItsOwn() {
    String id = LedgerStream.processStream("g", "a".repeat(100_000));
    assertTrue(id.length() <= LedgerStream.MAX_ID, id.length() + " chars");
    assertTrue(id.startsWith("process|g:aaa"), id);
    assertTrue(!id.equals(LedgerStream.processStream("g", "a".repeat(99_999))));
    assertEquals(id, LedgerStream.processStream("g", "a".repeat(100_000)));
    assertEquals("process|g:web", LedgerStream.processStream("g", "web"));
  }

  @Test
  void aFullBufferIsWrittenAtOnce() {
    for (int i = 0; i < LedgerStream.BATCH_SIZE - 1; i++) {
      tell(change(STOPPED, STARTING, i));
    }
    var full = stream.runCommand(new LedgerStream.Append(change(STOPPED, STARTING, 99), null));
    assertEquals(1, full.events().size());
    assertEquals(LedgerStream.BATCH_SIZE,
        assertInstanceOf(LedgerEvent.StateChanges.class, full.events().get(0)).changes().size());
    assertEquals(LedgerStream.BATCH_SIZE, full.state().starts());
  }

  @Test
  void anythingElseWrittenGoesAfterTheBuffer() {
    tell(change(STOPPED, STARTING, 1));
    LedgerEvent acted = new LedgerEvent.OperatorActed(2, "alice", "tcp", "stopProcess", "web", List.of("web:web"),
        Intent.STOPPED, true, "OK");
    assertEquals(List.of(batch(change(STOPPED, STARTING, 1)), acted), append(acted).events());
    tell(change(STARTING, RUNNING, 3_000));
    var trimmed = stream.runCommand(new LedgerStream.Trim(10_000, 2_500));
    assertEquals(List.of(batch(change(STARTING, RUNNING, 3_000)), new LedgerEvent.HistoryTrimmed(10_000, 2_500)),
        trimmed.events());
    assertEquals(List.of(change(STARTING, RUNNING, 3_000)), trimmed.state().recent());
  }

  @Test
  void recoveryReadsSingleEventsAndBatches() {
    append(change(STOPPED, STARTING, 1)); // the old form: one event per change
    tell(change(STARTING, RUNNING, 2));
    tell(change(RUNNING, EXITED, 3));
    stream.runCommand(LedgerStream.Flush::new);
    append(change(EXITED, STARTING, 4));
    LedgerState before = stream.getState();
    assertEquals(4, before.recent().size());
    var restarted = stream.restart();
    assertEquals(before, restarted.state());
    owner.expectMessageClass(LedgerStream.Recovered.class);
  }

  @Test
  void snapshotsAndTheWindowCountChangesNotBatches() {
    SnapshotTestKit snapshots = SnapshotTestKit.create(kit.system());
    for (int i = 0; i < MAX / 2 - 1; i++) {
      tell(change(STOPPED, STARTING, i));
    }
    stream.runCommand(LedgerStream.Flush::new);
    assertEquals(0, snapshots.persistedInStorage(id).size());
    tell(change(STOPPED, STARTING, 100));
    stream.runCommand(LedgerStream.Flush::new); // MAX / 2 changes in two rows: a snapshot
    kit.createTestProbe().awaitAssert(Duration.ofSeconds(5), () -> {
      assertEquals(1, snapshots.persistedInStorage(id).size());
      return null;
    });
    for (int i = 0; i < 2 * MAX; i++) {
      tell(change(STOPPED, STARTING, 200 + i));
    }
    LedgerState state = stream.<LedgerState>runCommand(LedgerStream.Flush::new).reply();
    assertEquals(MAX, state.recent().size());
    assertEquals(200 + MAX, state.recent().get(0).epochMillis());
    assertEquals(MAX / 2 + 2 * MAX, state.starts());
    var restarted = stream.restart();
    assertEquals(state, restarted.state());
  }

  @Test
  void withBatchesTheJournalStaysBoundedAndRecoversTheSameState() {
    SnapshotTestKit snapshots = SnapshotTestKit.create(kit.system());
    PersistenceTestKit journal = PersistenceTestKit.create(kit.system());
    for (int round = 0; round < 200; round++) {
      for (int i = 0; i <= round % 7; i++) {
        tell(change(STOPPED, STARTING, round * 10 + i));
      }
      stream.runCommand(LedgerStream.Flush::new);
    }
    // Rows as for single events; snapshots (one every MAX/2 changes) go with the rows they follow.
    kit.createTestProbe().awaitAssert(Duration.ofSeconds(5), () -> {
      int rows = journal.persistedInStorage(id).size();
      assertTrue(rows <= MAX, "rows left in the journal: " + rows);
      int kept = snapshots.persistedInStorage(id).size();
      assertTrue(kept <= MAX / 2 + 2, "snapshots kept: " + kept);
      return null;
    });
    LedgerState before = stream.getState();
    assertEquals(MAX, before.recent().size());
    assertEquals(before, stream.restart().state());
  }

  @Test
  void historyViewMergesActionsOnTheProcessInTimeOrder() {
    LedgerState process = LedgerState.empty().apply(change(STOPPED, STARTING, 1), MAX)
        .apply(change(STARTING, RUNNING, 2), MAX)
        .apply(change(RUNNING, STOPPING, 4), MAX)
        .apply(change(STOPPING, STOPPED, 5), MAX);
    LedgerState daemon = LedgerState.empty()
        .apply(new LedgerEvent.OperatorActed(3, "alice", "tcp", "stopProcess", "web", List.of("web:web"),
            Intent.STOPPED, true, "OK"), MAX)
        .apply(new LedgerEvent.OperatorActed(3, "bob", "tcp", "stopProcess", "db", List.of("db:db"),
            Intent.STOPPED, true, "OK"), MAX);
    List<HistoryEntry> all = HistoryView.processHistory(process, daemon, "web", "web", 0, 100);
    assertEquals(5, all.size());
    HistoryEntry.Action stop = assertInstanceOf(HistoryEntry.Action.class, all.get(2));
    assertEquals("alice", stop.user());
    HistoryEntry.StateChange last = assertInstanceOf(HistoryEntry.StateChange.class, all.get(4));
    assertEquals(3, last.exitStatus());
    assertEquals(List.of(all.get(3), all.get(4)), HistoryView.processHistory(process, daemon, "web", "web", 0, 2));
    assertEquals(3, HistoryView.processHistory(process, daemon, "web", "web", 0, 100).stream()
        .filter(e -> e.epochMillis() >= 3).count());
    assertNull(assertInstanceOf(HistoryEntry.StateChange.class, all.get(0)).exitStatus());
  }
}
