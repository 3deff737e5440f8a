package dev.supervisor4j.daemon.events;

import dev.supervisor4j.daemon.log.MainLog;
import dev.supervisor4j.daemon.output.OutputText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one listener child says on its stdout, read as Supervisor reads it (spec §5.2): READY in
 * ACKNOWLEDGED, {@code RESULT <n>\n} plus n bytes in BUSY, and any byte in READY (or garbage in
 * ACKNOWLEDGED) sends it to UNKNOWN for good. One instance per child; the pool owns it and feeds it
 * the chunks its stdout pump read, on the pool's thread. The state changes are logged with
 * Supervisor's lines.
 */
final class ListenerProtocol {
  private static final byte[] READY_TOKEN = "READY\n".getBytes(StandardCharsets.US_ASCII);
  /** Supervisor skips this many bytes of the result line without looking at them ({@code RESULT }). */
  private static final int RESULT_PREFIX = 7;

  /** What the pool must act on. */
  sealed interface Outcome {}

  /** The listener asks for an event. */
  enum Ready implements Outcome { INSTANCE }

  /** The listener answered the event in flight: OK accepts it, anything else rejects it. */
  record Result(boolean accepted) implements Outcome {}

  /** The listener broke the protocol while an event was in flight: the event goes back. */
  enum Broken implements Outcome { INSTANCE }

  private final String name;
  private ListenerState state = ListenerState.ACKNOWLEDGED;
  private byte[] buffer = new byte[0];
  private int resultLen = -1;
  private byte[] result = new byte[0];

  /** @param name the listener process name, for the log lines */
  ListenerProtocol(String name) {
    this.name = name;
  }

  ListenerState state() {
    return state;
  }

  /** An event was written to the listener (Supervisor logs no state change for this one). */
  void sent() {
    state = ListenerState.BUSY;
  }

  /** Feeds what the listener wrote; returns what happened, in order. */
  List<Outcome> feed(byte[] chunk) {
    buffer = concat(buffer, chunk);
    List<Outcome> outcomes = new ArrayList<>(2);
    while (buffer.length > 0 && step(outcomes)) {
      // each step consumed something; go on while bytes remain (Supervisor recurses the same way)
    }
    return outcomes;
  }

  /** One step of the state machine; false when it must wait for more bytes. */
  private boolean step(List<Outcome> outcomes) {
    switch (state) {
      case UNKNOWN:
        buffer = new byte[0];
        return false;
      case ACKNOWLEDGED:
        if (buffer.length < READY_TOKEN.length) {
          return false;
        }
        if (Arrays.equals(buffer, 0, READY_TOKEN.length, READY_TOKEN, 0, READY_TOKEN.length)) {
          buffer = Arrays.copyOfRange(buffer, READY_TOKEN.length, buffer.length);
          change(ListenerState.READY);
          outcomes.add(Ready.INSTANCE);
        } else {
          buffer = new byte[0];
          change(ListenerState.UNKNOWN);
        }
        return true;
      case READY:
        // Unsolicited output: Supervisor is strict about it.
        buffer = new byte[0];
        change(ListenerState.UNKNOWN);
        return false;
      default:
        return busy(outcomes);
    }
  }

  private boolean busy(List<Outcome> outcomes) {
    if (resultLen < 0) {
      int nl = indexOf(buffer, (byte) '\n');
      if (nl < 0) {
        return false;
      }
      byte[] line = Arrays.copyOfRange(buffer, 0, nl);
      buffer = Arrays.copyOfRange(buffer, nl + 1, buffer.length);
      resultLen = parseLength(line);
      if (resultLen < 0) {
        MainLog.warn(name + ": bad result line: '" + OutputText.utf8OrRepr(line) + "'");
        buffer = new byte[0];
        change(ListenerState.UNKNOWN);
        outcomes.add(Broken.INSTANCE);
        return false;
      }
      return true;
    }
    int needed = resultLen - result.length;
    if (needed > 0) {
      int take = Math.min(needed, buffer.length);
      result = concat(result, Arrays.copyOfRange(buffer, 0, take));
      buffer = Arrays.copyOfRange(buffer, take, buffer.length);
      needed -= take;
    }
    if (needed == 0) {
      // supervisor.dispatchers:default_handler: the body OK accepts, anything else rejects.
      boolean accepted = Arrays.equals(result, "OK".getBytes(StandardCharsets.US_ASCII));
      if (accepted) {
        MainLog.LOG.debug("{}: event was processed", name);
      } else {
        MainLog.warn(name + ": event was rejected");
      }
      result = new byte[0];
      resultLen = -1;
      change(ListenerState.ACKNOWLEDGED);
      outcomes.add(new Result(accepted));
    }
    return true;
  }

  /**
   * The length after the first 7 bytes of the result line, as Python's {@code int()} reads it
   * (surrounding whitespace, a sign, underscores between digits); -1 when it is not a number.
   */
  static int parseLength(byte[] line) {
    if (line.length <= RESULT_PREFIX) {
      return -1;
    }
    String text = new String(line, RESULT_PREFIX, line.length - RESULT_PREFIX, StandardCharsets.ISO_8859_1).strip();
    if (!text.matches("\\+?[0-9]+(_[0-9]+)*")) {
      return -1; // a negative length is refused too (Supervisor would mis-slice its buffer)
    }
    try {
      return Integer.parseInt(text.replace("_", "").replace("+", ""));
    } catch (NumberFormatException tooBig) {
      return -1;
    }
  }

  private void change(ListenerState next) {
    MainLog.LOG.debug("{}: {} -> {}", name, state, next);
    state = next;
    if (next == ListenerState.UNKNOWN) {
      MainLog.warn(name + ": has entered the UNKNOWN state and will no longer receive events, this "
          + "usually indicates the process violated the eventlistener protocol");
    }
  }

  private static int indexOf(byte[] b, byte x) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    if (a.length == 0) {
      return b;
    }
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
