package dev.supervisor4j.http;

/**
 * Where the HTTP front end reports. {@link #log} lines belong in supervisord's main log at the given
 * level; {@link #stderr} lines are the few that supervisord writes straight to its standard error
 * instead (the "Unlinking stale socket" notice).
 */
@FunctionalInterface
public interface HttpLog {
  /** supervisord's main-log levels that this module uses. */
  enum Level {
    /** CRIT */
    CRITICAL,
    /** ERRO */
    ERROR,
    /** WARN */
    WARN,
    /** INFO */
    INFO,
    /** DEBG */
    DEBUG,
    /** TRAC */
    TRACE
  }

  void log(Level level, String message);

  /** A line for the daemon's standard error; the default prints it there. */
  default void stderr(String line) {
    System.err.println(line);
  }
}
