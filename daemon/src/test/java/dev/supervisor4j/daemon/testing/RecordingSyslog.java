package dev.supervisor4j.daemon.testing;

import dev.supervisor4j.daemon.output.Syslog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A {@link Syslog} that keeps what it is sent, as {@code <priority>message} strings (UTF-8). */
public final class RecordingSyslog implements Syslog {
  private final List<String> sent = new ArrayList<>();

  @Override
  public synchronized void send(int priority, byte[] message) {
    sent.add("<" + priority + ">" + new String(message, StandardCharsets.UTF_8));
  }

  /** Everything sent so far, in order. */
  public synchronized List<String> sent() {
    return List.copyOf(sent);
  }
}
