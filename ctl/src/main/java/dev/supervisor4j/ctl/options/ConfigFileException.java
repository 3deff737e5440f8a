package dev.supervisor4j.ctl.options;

/**
 * A config file the INI parser refuses (no section header, a line without {@code =}). Python's
 * supervisorctl dies with a configparser traceback and exit status 1 here; we print the same
 * message as one error and exit 1, without a trace.
 */
public final class ConfigFileException extends Exception {
  public ConfigFileException(String message) {
    super(message, null, false, false);
  }
}
