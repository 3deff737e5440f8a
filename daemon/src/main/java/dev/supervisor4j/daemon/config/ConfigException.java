package dev.supervisor4j.daemon.config;

/**
 * A config that supervisord would refuse. The message is Supervisor's own text, including the
 * {@code in section '...' (file: '...')} suffix where Supervisor adds one; the command line prints
 * it as {@code Error: <message>} and exits 2.
 */
public final class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
