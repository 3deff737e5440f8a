package dev.supervisor4j.ctl.options;

/**
 * A command-line or config problem that supervisorctl reports as {@code Error: <message>} and
 * {@code For help, use <progname> -h} on stderr, exit status 2 (Supervisor's {@code usage()}).
 */
public final class UsageException extends Exception {
  public UsageException(String message) {
    super(message, null, false, false);
  }
}
