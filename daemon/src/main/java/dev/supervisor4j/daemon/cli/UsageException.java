package dev.supervisor4j.daemon.cli;

/**
 * A command-line or config error: supervisord prints {@code Error: <message>} and
 * {@code For help, use <argv0> -h}, then exits 2.
 */
public final class UsageException extends Exception {
  public UsageException(String message) {
    super(message);
  }
}
