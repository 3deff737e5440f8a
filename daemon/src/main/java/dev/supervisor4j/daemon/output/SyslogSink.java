package dev.supervisor4j.daemon.output;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code *_syslog=true}: each chunk of output goes to syslog as messages {@code <name> <piece>}, one
 * per newline-separated piece of the chunk (trailing newlines dropped), at user.info. The name is the
 * process name ({@code web_00}, not {@code web:web_00}), as Supervisor prefixes it.
 *
 * <p>The bytes are sent as they came (after strip_ansi), not decoded: Supervisor decodes them as
 * UTF-8 and drops a chunk that is not valid UTF-8 (a traceback on its stderr, nothing in syslog);
 * here such a chunk arrives, its bytes untouched. Nothing is kept between chunks.
 */
final class SyslogSink implements OutputSink {
  private final Syslog syslog;
  private final byte[] prefix;

  SyslogSink(Syslog syslog, String processName) {
    this.syslog = syslog;
    this.prefix = (processName + " ").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void write(byte[] buf, int off, int len) {
    if (len == 0) {
      return; // Supervisor logs only non-empty reads; a chunk of newlines alone is one empty piece
    }
    int end = off + len;
    while (end > off && buf[end - 1] == '\n') {
      end--;
    }
    int from = off;
    for (int i = off; i <= end; i++) {
      if (i == end || buf[i] == '\n') {
        syslog.send(Syslog.USER_INFO, message(buf, from, i));
        from = i + 1;
      }
    }
  }

  private byte[] message(byte[] buf, int from, int to) {
    byte[] message = Arrays.copyOf(prefix, prefix.length + (to - from));
    System.arraycopy(buf, from, message, prefix.length, to - from);
    return message;
  }
}
