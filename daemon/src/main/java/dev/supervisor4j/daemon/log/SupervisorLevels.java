package dev.supervisor4j.daemon.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.supervisor4j.daemon.config.LogLevel;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Maps between supervisord's seven levels and SLF4J's five. CRIT is ERROR with the {@code CRIT}
 * marker and BLAT is TRACE with the {@code BLAT} marker; a marker wins over the event's level.
 */
final class SupervisorLevels {
  static final Marker CRIT = MarkerFactory.getMarker("CRIT");
  static final Marker BLAT = MarkerFactory.getMarker("BLAT");

  private SupervisorLevels() {}

  /** The supervisord level of a Logback event. */
  static LogLevel of(ILoggingEvent event) {
    List<Marker> markers = event.getMarkerList();
    if (markers != null) {
      for (Marker m : markers) {
        if (m.contains(CRIT)) {
          return LogLevel.CRITICAL;
        }
        if (m.contains(BLAT)) {
          return LogLevel.BLATHER;
        }
      }
    }
    switch (event.getLevel().toInt()) {
      case Level.ERROR_INT: return LogLevel.ERROR;
      case Level.WARN_INT: return LogLevel.WARN;
      case Level.INFO_INT: return LogLevel.INFO;
      case Level.DEBUG_INT: return LogLevel.DEBUG;
      default: return LogLevel.TRACE;
    }
  }

  /** The Logback level that lets {@code level}'s records through (the filter does the rest). */
  static Level logbackLevel(LogLevel level) {
    switch (level) {
      case CRITICAL:
      case ERROR: return Level.ERROR;
      case WARN: return Level.WARN;
      case INFO: return Level.INFO;
      case DEBUG: return Level.DEBUG;
      default: return Level.TRACE;
    }
  }
}
