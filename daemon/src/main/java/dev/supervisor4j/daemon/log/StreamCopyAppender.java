package dev.supervisor4j.daemon.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The nodaemon copy of the main log on stdout, in the same format, flushed per record (supervisord's
 * StreamHandler flushes after each record). The stream is never closed: it is the daemon's stdout.
 * Write errors (a closed pipe) are ignored, as supervisord ignores EPIPE there.
 */
final class StreamCopyAppender extends AppenderBase<ILoggingEvent> {
  private final OutputStream out;
  private final SupervisorLayout layout;

  StreamCopyAppender(OutputStream out, SupervisorLayout layout) {
    this.out = out;
    this.layout = layout;
  }

  @Override
  protected void append(ILoggingEvent event) {
    byte[] line = layout.doLayout(event).getBytes(StandardCharsets.UTF_8);
    try {
      out.write(line);
      out.flush();
    } catch (IOException ignored) {
      // supervisord: "if supervisor output is piped, EPIPE can be raised at exit"
    }
  }
}
