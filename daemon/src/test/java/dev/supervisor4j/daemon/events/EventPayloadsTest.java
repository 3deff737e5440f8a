package dev.supervisor4j.daemon.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.process.ProcessEvent;
import dev.supervisor4j.protocol.ProcessState;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Payloads and headers byte for byte as spec §5.2/§5.4 shows them (Supervisor 4.2.5's samples). */
class EventPayloadsTest {

  private static String envelope(long serial, String pool, long poolSerial, SupervisorEvent e) {
    return new String(EventPayloads.envelope("supervisor", serial, pool, poolSerial, e), StandardCharsets.UTF_8);
  }

  private static ProcessStateEvent change(String p, ProcessState from, ProcessState to, int tries, long pid,
      boolean expected) {
    return new ProcessStateEvent(new ProcessEvent(p, p, from, to, tries, pid, expected, 0));
  }

  @Test
  void processStateEnvelopesMatchSupervisorsSamples() {
    assertEquals("ver:3.0 server:supervisor serial:9 pool:listener poolserial:9 eventname:PROCESS_STATE_STARTING len:66\n"
        + "processname:listener groupname:listener from_state:STOPPED tries:0",
        envelope(9, "listener", 9, change("listener", ProcessState.STOPPED, ProcessState.STARTING, 0, 0, false)));
    assertEquals("ver:3.0 server:supervisor serial:31 pool:listener poolserial:31 eventname:PROCESS_STATE_FATAL len:54\n"
        + "processname:failer groupname:failer from_state:BACKOFF",
        envelope(31, "listener", 31, change("failer", ProcessState.BACKOFF, ProcessState.FATAL, 3, 0, false)));
  }

  @Test
  void eachStateHasItsExtras() {
    assertEquals("processname:a groupname:a from_state:STARTING tries:2",
        EventPayloads.payload(change("a", ProcessState.STARTING, ProcessState.BACKOFF, 2, 0, false)));
    assertEquals("processname:a groupname:a from_state:STARTING pid:42",
        EventPayloads.payload(change("a", ProcessState.STARTING, ProcessState.RUNNING, 0, 42, false)));
    assertEquals("processname:a groupname:a from_state:RUNNING expected:1 pid:42",
        EventPayloads.payload(change("a", ProcessState.RUNNING, ProcessState.EXITED, 0, 42, true)));
    assertEquals("processname:a groupname:a from_state:RUNNING expected:0 pid:42",
        EventPayloads.payload(change("a", ProcessState.RUNNING, ProcessState.EXITED, 0, 42, false)));
    assertEquals("processname:a groupname:a from_state:RUNNING pid:42",
        EventPayloads.payload(change("a", ProcessState.RUNNING, ProcessState.STOPPING, 0, 42, false)));
    assertEquals("processname:a groupname:a from_state:STOPPING pid:42",
        EventPayloads.payload(change("a", ProcessState.STOPPING, ProcessState.STOPPED, 0, 42, false)));
    assertEquals("processname:a groupname:a from_state:STOPPING",
        EventPayloads.payload(change("a", ProcessState.STOPPING, ProcessState.UNKNOWN, 0, 42, false)));
  }

  @Test
  void lenCountsCodePointsNotBytesNorUtf16Units() {
    String e = envelope(1, "p", 1, new RemoteCommEvent("té", "☃ snow"));
    assertTrue(e.contains(" eventname:REMOTE_COMMUNICATION len:14\ntype:té\n☃ snow"), e);
    String astral = envelope(1, "p", 1, new RemoteCommEvent("x", "\uD83D\uDE00")); // one code point, two UTF-16 units
    assertTrue(astral.contains(" len:8\n"), astral);
  }

  @Test
  void otherPayloads() {
    assertEquals("ver:3.0 server:supervisor serial:3 pool:listener poolserial:1 eventname:PROCESS_GROUP_ADDED len:19\n"
        + "groupname:listener\n", envelope(3, "listener", 1, new GroupEvent(true, "listener")));
    assertEquals("when:1795486920", EventPayloads.payload(new TickEvent(60, 1795486920)));
    assertEquals("", EventPayloads.payload(SupervisorStateEvent.RUNNING));
    assertTrue(envelope(8, "l", 8, SupervisorStateEvent.RUNNING).endsWith("eventname:SUPERVISOR_STATE_CHANGE_RUNNING len:0\n"));
    assertEquals("processname:comm groupname:comm pid:7885\nhello comm\n", EventPayloads.payload(
        new ProcessCommEvent("comm", "comm", 7885, "stdout", "hello comm\n".getBytes(StandardCharsets.UTF_8))));
    assertEquals("processname:w groupname:g pid:5 channel:stderr\noops", EventPayloads.payload(
        new ProcessLogEvent("w", "g", 5, "stderr", "oops".getBytes(StandardCharsets.UTF_8))));
    assertEquals("processname:w groupname:g pid:5 channel:stdout\nUndecodable: b'\\xe2\\x98'", EventPayloads.payload(
        new ProcessLogEvent("w", "g", 5, "stdout", new byte[] {(byte) 0xe2, (byte) 0x98})));
  }

  @Test
  void subscriptionsTakeSubtypes() {
    assertTrue(EventType.PROCESS_STATE_EXITED.matches(EnumSet.of(EventType.PROCESS_STATE)));
    assertTrue(EventType.TICK_5.matches(EnumSet.of(EventType.EVENT)));
    assertFalse(EventType.TICK_5.matches(EnumSet.of(EventType.TICK_60, EventType.PROCESS_STATE)));
    assertEquals(EnumSet.of(EventType.PROCESS_COMMUNICATION, EventType.TICK_5),
        EventType.parse(List.of("process_communication", " TICK_5")));
    assertEquals(EventType.PROCESS_LOG_STDERR,
        new ProcessLogEvent("a", "a", 1, "stderr", new byte[0]).type());
  }
}
