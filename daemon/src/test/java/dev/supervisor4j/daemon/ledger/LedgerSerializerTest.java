package dev.supervisor4j.daemon.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supervisor4j.protocol.ProcessState;
import java.io.NotSerializableException;
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
    assertEquals("ledger format version 9 (this daemon reads 1)", e.getMessage());
  }
}
