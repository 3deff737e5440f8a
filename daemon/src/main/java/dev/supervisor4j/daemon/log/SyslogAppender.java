package dev.supervisor4j.daemon.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.supervisor4j.daemon.output.Syslog;

/**
 * {@code logfile=syslog}: each main-log record goes to syslog as one message per line of its text,
 * every line with the record's own {@code YYYY-MM-DD HH:MM:SS,mmm LEVL } prefix and a trailing
 * newline, at user.info whatever the level: Supervisor formats each line with its main-log format
 * (which ends in a newline) and calls Python's {@code syslog.syslog(msg)}, whose priority is
 * always info. So a DEBG copy of child output arrives as a {@code 'web' stdout output:} message
 * followed by one message per output line. Rotation options do not apply; nothing is kept to read
 * back (readLog answers NO_FILE).
 */
final class SyslogAppender extends AppenderBase<ILoggingEvent> {
  private final Syslog syslog;
  private final SupervisorLayout layout;

  SyslogAppender(Syslog syslog, SupervisorLayout layout) {
    this.syslog = syslog;
    this.layout = layout;
  }

  @Override
  protected void append(ILoggingEvent event) {
    String prefix = layout.prefix(event);
    for (String line : Syslog.lines(SupervisorLayout.text(event))) {
      // CRIT and DEBG alike: the level is in the text, the priority is Python's default
      syslog.send(Syslog.USER_INFO, Syslog.utf8(prefix + line + "\n"));
    }
  }
}
