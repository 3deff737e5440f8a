package dev.supervisor4j.daemon.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import dev.supervisor4j.daemon.config.LogLevel;

/**
 * Decides what reaches the main log by supervisord's numeric levels: records of the
 * {@code supervisord} logger pass at or above {@code loglevel}; records of every other logger (Pekko,
 * libraries, stray class loggers) pass only at WARN and above, and never below {@code loglevel}.
 * Filtering in the appender rather than through logger levels leaves the root logger alone, so a
 * test's capturing appender keeps working next to a configured main log.
 */
final class MainLogFilter extends Filter<ILoggingEvent> {
  private final int threshold;
  private final int othersThreshold;

  MainLogFilter(LogLevel loglevel) {
    this.threshold = loglevel.value();
    this.othersThreshold = Math.max(loglevel.value(), LogLevel.WARN.value());
  }

  @Override
  public FilterReply decide(ILoggingEvent event) {
    int level = SupervisorLevels.of(event).value();
    boolean ours = MainLog.LOGGER_NAME.equals(event.getLoggerName());
    return level >= (ours ? threshold : othersThreshold) ? FilterReply.NEUTRAL : FilterReply.DENY;
  }
}
