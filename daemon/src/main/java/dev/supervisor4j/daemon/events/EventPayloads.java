package dev.supervisor4j.daemon.events;

import dev.supervisor4j.daemon.output.OutputText;
import dev.supervisor4j.daemon.process.ProcessEvent;
import java.nio.charset.StandardCharsets;

/**
 * The text a listener reads for each event: the header line Supervisor 4.2.5 writes, then the
 * payload. {@code len} counts the payload's Unicode code points (Python's {@code len} of a str),
 * not its UTF-8 bytes nor Java's UTF-16 units: {@code childutils} reads that many characters.
 */
public final class EventPayloads {
  private EventPayloads() {}

  /** The payload of {@code event}, exactly as Supervisor renders it. */
  public static String payload(SupervisorEvent event) {
    if (event instanceof ProcessStateEvent e) {
      return processState(e.change());
    }
    if (event instanceof ProcessLogEvent e) {
      return "processname:" + e.process() + " groupname:" + e.group() + " pid:" + e.pid()
          + " channel:" + e.channel() + "\n" + OutputText.utf8OrRepr(e.data());
    }
    if (event instanceof ProcessCommEvent e) {
      return "processname:" + e.process() + " groupname:" + e.group() + " pid:" + e.pid() + "\n"
          + OutputText.utf8OrRepr(e.data());
    }
    if (event instanceof RemoteCommEvent e) {
      return "type:" + e.commType() + "\n" + e.data();
    }
    if (event instanceof TickEvent e) {
      return "when:" + e.when();
    }
    if (event instanceof GroupEvent e) {
      return "groupname:" + e.group() + "\n"; // the trailing newline is sent and counted
    }
    if (event instanceof SupervisorStateEvent) {
      return "";
    }
    throw new IllegalArgumentException("no payload for " + event);
  }

  private static String processState(ProcessEvent e) {
    StringBuilder sb = new StringBuilder(96)
        .append("processname:").append(e.process())
        .append(" groupname:").append(e.group())
        .append(" from_state:").append(e.from().name());
    switch (e.to()) {
      case STARTING:
      case BACKOFF:
        sb.append(" tries:").append(e.tries());
        break;
      case RUNNING:
      case STOPPING:
      case STOPPED:
        sb.append(" pid:").append(e.pid());
        break;
      case EXITED:
        sb.append(" expected:").append(e.expected() ? 1 : 0).append(" pid:").append(e.pid());
        break;
      default:
        break; // FATAL, UNKNOWN: no extras
    }
    return sb.toString();
  }

  /**
   * One event as written to a listener's stdin, UTF-8 encoded.
   *
   * @param server     {@code [supervisord] identifier}
   * @param serial     the global serial the event got when the first pool took it
   * @param pool       the pool (group) name
   * @param poolSerial the pool's own serial for it
   */
  public static byte[] envelope(String server, long serial, String pool, long poolSerial, SupervisorEvent event) {
    String payload = payload(event);
    String text = "ver:3.0 server:" + server + " serial:" + serial + " pool:" + pool
        + " poolserial:" + poolSerial + " eventname:" + event.type().name()
        + " len:" + payload.codePointCount(0, payload.length()) + "\n" + payload;
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
