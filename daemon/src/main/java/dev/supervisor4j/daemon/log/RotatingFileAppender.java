package dev.supervisor4j.daemon.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.supervisor4j.daemon.output.RotatingLogFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes main-log records to a {@link RotatingLogFile}: one write per record, so the size check and
 * rotation happen after every record as in supervisord. Logback's RollingFileAppender checks its
 * size only now and then, which is why it is not used. Appends are serialized by AppenderBase's
 * monitor; the main log is low-volume (child output copies only at debug).
 *
 * <p>A failing write (disk full) is reported once on stderr, as supervisord prints its traceback, and
 * the record is lost; logging goes on and the next success re-arms the report.
 */
final class RotatingFileAppender extends AppenderBase<ILoggingEvent> {
  private final RotatingLogFile file;
  private final SupervisorLayout layout;
  private boolean failing;

  RotatingFileAppender(RotatingLogFile file, SupervisorLayout layout) {
    this.file = file;
    this.layout = layout;
  }

  RotatingLogFile file() {
    return file;
  }

  @Override
  protected void append(ILoggingEvent event) {
    byte[] line = layout.doLayout(event).getBytes(StandardCharsets.UTF_8);
    try {
      file.write(line, 0, line.length);
      failing = false;
    } catch (IOException e) {
      if (!failing) {
        System.err.println("supervisord: cannot write the main log " + file.path() + ": " + e);
      }
      failing = true;
    }
  }

  @Override
  public void stop() {
    super.stop();
    try {
      file.close();
    } catch (IOException ignored) {
      // closing after the last record; nothing left to save
    }
  }
}
