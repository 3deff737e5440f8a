package dev.supervisor4j.daemon.ledger;

import static dev.supervisor4j.protocol.ProcessState.BACKOFF;
import static dev.supervisor4j.protocol.ProcessState.EXITED;
import static dev.supervisor4j.protocol.ProcessState.FATAL;
import static dev.supervisor4j.protocol.ProcessState.RUNNING;
import static dev.supervisor4j.protocol.ProcessState.STARTING;
import static dev.supervisor4j.protocol.ProcessState.STOPPED;
import static dev.supervisor4j.protocol.ProcessState.STOPPING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supervisor4j.protocol.ProcessState;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which child of the previous run a process stream points at: {@link LedgerState#lastChild}. */
class LedgerStateTest {
  private static final ChildIdentity CHILD = new ChildIdentity(42, 5_000, "boot");
  private static final ChildIdentity OLDER = new ChildIdentity(41, 4_000, "boot");

  private static LedgerEvent.ProcessStateChanged change(ProcessState from, ProcessState to, long pid,
      ChildIdentity child) {
    return new LedgerEvent.ProcessStateChanged("web", "web", from, to, 1, pid, null, false, "", child);
  }

  private static LedgerEvent.ProcessStateChanged change(ProcessState from, ProcessState to, long pid) {
    return change(from, to, pid, null);
  }

  record Row(String what, List<LedgerEvent> events, ChildIdentity expected) {
    @Override
    public String toString() {
      return what;
    }
  }

  static Stream<Row> rows() {
    LedgerEvent spawned = change(STOPPED, STARTING, 42, CHILD);
    LedgerEvent action = new LedgerEvent.OperatorActed(2, "", "tcp", "stopProcess", "web", List.of(), null, true, "");
    return Stream.of(
        new Row("nothing recorded", List.of(), null),
        new Row("STARTING", List.of(spawned), CHILD),
        new Row("RUNNING", List.of(spawned, change(STARTING, RUNNING, 42)), CHILD),
        new Row("STOPPING", List.of(spawned, change(STARTING, RUNNING, 42), change(RUNNING, STOPPING, 42)), CHILD),
        new Row("RUNNING, then something else", List.of(spawned, change(STARTING, RUNNING, 42), action), CHILD),
        new Row("EXITED", List.of(spawned, change(STARTING, RUNNING, 42), change(RUNNING, EXITED, 42)), null),
        new Row("STOPPED", List.of(spawned, change(STOPPING, STOPPED, 42)), null),
        new Row("BACKOFF", List.of(spawned, change(STARTING, BACKOFF, 0)), null),
        new Row("FATAL", List.of(spawned, change(BACKOFF, FATAL, 0)), null),
        new Row("a STARTING without identity (format 1, or gone at once)",
            List.of(change(STOPPED, STARTING, 42), change(STARTING, RUNNING, 42)), null),
        new Row("a STARTING with pid 0 (before pids were recorded at STARTING)",
            List.of(change(STOPPED, STARTING, 0, null)), null),
        new Row("RUNNING of a newer child whose STARTING was not recorded",
            List.of(change(STOPPED, STARTING, 41, OLDER), change(STARTING, RUNNING, 42)), null),
        new Row("the newer of two children",
            List.of(change(STOPPED, STARTING, 41, OLDER), change(STARTING, EXITED, 41), spawned), CHILD));
  }

  @ParameterizedTest
  @MethodSource("rows")
  void lastChild(Row row) {
    LedgerState state = LedgerState.empty();
    for (LedgerEvent e : row.events()) {
      state = state.apply(e, 50);
    }
    assertEquals(row.expected(), state.lastChild());
  }
}
