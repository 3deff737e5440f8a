package dev.supervisor4j.daemon.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.protocol.ProcessState;
import java.io.NotSerializableException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every ledger type round-trips through the journal format; a future version is refused clearly. */
class LedgerSerializerTest {
  private final LedgerSerializer serializer = new LedgerSerializer();

  private Object roundTrip(Object o) throws NotSerializableException {
    return serializer.fromBinary(serializer.toBinary(o), serializer.manifest(o));
  }

  private static final List<LedgerEvent> EVENTS = List.of(
      new LedgerEvent.ProcessStateChanged("g", "p", ProcessState.RUNNING, ProcessState.EXITED, 5, 42, 3, false, ""),
      new LedgerEvent.ProcessStateChanged("g", "p", ProcessState.STARTING, ProcessState.BACKOFF, 6, 0, null, false,
          "can't find command 'x' — é"),
      new LedgerEvent.OperatorActed(7, "alice", "tcp", "stopProcess", "g:*", List.of("g:p", "g:q"),
          LedgerEvent.Intent.STOPPED, true, "2 of 2 OK"),
      new LedgerEvent.ConfigReloaded(8, List.of("new"), List.of(), List.of("old", "older")),
      new LedgerEvent.DaemonStarted(9, 1234, "supervisor4j 4.2.5"),
      new LedgerEvent.DaemonStopping(10, "SIGTERM"),
      new LedgerEvent.HistoryTrimmed(11, 3),
      new LedgerEvent.ProcessStateChanged("g", "p", ProcessState.BACKOFF, ProcessState.STARTING, 14, 4321, null, false,
          "", new ChildIdentity(4321, 987_654, "0b6a1c1e-8a54-4f0e-9d1c-3c1f3d2b7a10")),
      new LedgerEvent.OrphanStopped(15, "g", "p", 4321, "SIGTERM, then SIGKILL"),
      new LedgerEvent.Unrecorded(16, "java.lang.NullPointerException"),
      new LedgerEvent.StateChanges(List.of(
          new LedgerEvent.ProcessStateChanged("g", "p", ProcessState.STOPPED, ProcessState.STARTING, 12, 0, null,
              false, ""),
          new LedgerEvent.ProcessStateChanged("g", "p", ProcessState.STARTING, ProcessState.EXITED, 13, 77, 1,
              false, ""))));

  @Test
  void everyEventRoundTrips() throws Exception {
    for (LedgerEvent e : EVENTS) {
      assertEquals(e, roundTrip(e));
    }
  }

  @Test
  void aSnapshotRoundTrips() throws Exception {
    LedgerState state = new LedgerState(EVENTS.subList(0, EVENTS.size() - 1), 4, 2, -1, 99, Set.of("g:p"));
    assertEquals(state, roundTrip(state));
    assertEquals(LedgerState.empty(), roundTrip(LedgerState.empty()));
  }

  @Test
  void anotherFormatVersionIsRefusedWithItsNumber() {
    byte[] bytes = serializer.toBinary(EVENTS.get(0));
    bytes[0] = 9;
    NotSerializableException e = assertThrows(NotSerializableException.class,
        () -> serializer.fromBinary(bytes, "state"));
    assertEquals("ledger format version 9 (this daemon reads 1 to 2)", e.getMessage());
  }

  @Test
  void rowsOfFormatVersionOneAreStillRead() throws Exception {
    // Version 1 had no child identity: the same bytes without the trailing "no child" flag.
    LedgerEvent.ProcessStateChanged change = (LedgerEvent.ProcessStateChanged) EVENTS.get(0);
    byte[] v2 = serializer.toBinary(change);
    byte[] v1 = Arrays.copyOf(v2, v2.length - 1);
    v1[0] = 1;
    assertEquals(change, serializer.fromBinary(v1, "state"));
  }

  private static final String LONG = "a".repeat(100_000);
  /** An emoji (a surrogate pair) and an unpaired high surrogate. */
  private static final String ODD = "web \uD83D\uDE80 \uD800 lone";

  /** {@code text} is a start of {@code full}, then the marker for the rest, 1,000 characters in all. */
  private static void assertTruncated(String full, String text) {
    int kept = text.indexOf('\u2026');
    assertTrue(kept > 900 && full.startsWith(text.substring(0, kept)), text.substring(0, 40));
    assertEquals("\u2026[truncated " + (full.length() - kept) + " chars]", text.substring(kept));
    assertEquals(LedgerEvent.MAX_TEXT, text.length());
  }

  @Test
  void textsOfAnyLengthAreRecordedTruncatedWithAMarker() throws Exception {
    var change = new LedgerEvent.ProcessStateChanged(LONG, LONG + ODD, ProcessState.STARTING, ProcessState.BACKOFF,
        5, 0, null, false, "spawn error " + LONG);
    assertTruncated(LONG, change.group());
    assertEquals("a".repeat(976) + "\u2026[truncated 99024 chars]", change.group());
    assertTruncated(LONG + ODD, change.name());
    assertTruncated("spawn error " + LONG, change.spawnError());
    var action = new LedgerEvent.OperatorActed(7, LONG, "tcp", "startProcess", LONG, List.of(LONG, "g:p"),
        LedgerEvent.Intent.NONE, false, "BAD_NAME: " + LONG);
    assertTruncated(LONG, action.target());
    assertTruncated("BAD_NAME: " + LONG, action.result());
    assertTruncated(LONG, action.processes().get(0));
    assertEquals("g:p", action.processes().get(1));
    var added = new LedgerEvent.ConfigReloaded(8, List.of(LONG), List.of(), List.of());
    var batch = new LedgerEvent.StateChanges(List.of(change, change));
    for (LedgerEvent e : List.of(change, action, added, batch, new LedgerEvent.DaemonStopping(9, LONG))) {
      byte[] bytes = serializer.toBinary(e);
      assertTrue(bytes.length < 20_000, e.getClass() + ": " + bytes.length + " bytes");
      assertTrue(e.equals(serializer.fromBinary(bytes, serializer.manifest(e))), e.getClass().getName());
    }
    assertEquals(change, new LedgerEvent.ProcessStateChanged(change.group(), change.name(), change.from(),
        change.to(), 5, 0, null, false, change.spawnError())); // capping again changes nothing
    assertEquals(0, serializer.unrecorded());
  }

  @Test
  void emojiAndUnpairedSurrogatesRoundTripUnchanged() throws Exception {
    var change = new LedgerEvent.ProcessStateChanged("g" + ODD, "p" + ODD, ProcessState.STARTING,
        ProcessState.FATAL, 5, 0, null, false, "can't find command '" + ODD + "'");
    var action = new LedgerEvent.OperatorActed(7, ODD, "tcp", "startProcess", ODD, List.of(ODD),
        LedgerEvent.Intent.NONE, false, "BAD_NAME: " + ODD);
    for (LedgerEvent e : List.of(change, action)) {
      assertEquals(e, serializer.fromBinary(serializer.toBinary(e), serializer.manifest(e)));
    }
    assertEquals("p" + ODD, change.name());
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String text = "a".repeat(978) + "\uD83D\uDE80" + "b".repeat(100);
    assertEquals("a".repeat(978) + "\u2026[truncated 102 chars]", LedgerEvent.capped(text));
    assertEquals("", LedgerEvent.capped(null));
  }

  @Test
  void anEventThatCannotBeSerialisedIsWrittenAsUnrecordedAndCounted() throws Exception {
    // No state to write (a bug elsewhere): the row must still be written, never fail the journal.
    var broken = new LedgerEvent.ProcessStateChanged("g", "p", null, ProcessState.EXITED, 5, 42, 1, false, "");
    Object back = roundTrip(broken);
    LedgerEvent.Unrecorded unrecorded = assertInstanceOf(LedgerEvent.Unrecorded.class, back);
    assertEquals(5, unrecorded.epochMillis());
    assertTrue(unrecorded.reason().contains("NullPointerException"), unrecorded.reason());
    assertEquals(1, serializer.unrecorded());

    // In a batch only the broken change is lost.
    var before = new LedgerEvent.ProcessStateChanged("g", "p", ProcessState.STOPPED, ProcessState.STARTING, 4, 42,
        null, false, "");
    var after = new LedgerEvent.ProcessStateChanged("g", "p", ProcessState.EXITED, ProcessState.STARTING, 6, 43,
        null, false, "");
    assertEquals(new LedgerEvent.StateChanges(List.of(before, after)),
        roundTrip(new LedgerEvent.StateChanges(List.of(before, broken, after))));
    assertEquals(2, serializer.unrecorded());
  }
}
