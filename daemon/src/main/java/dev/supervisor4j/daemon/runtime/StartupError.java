package dev.supervisor4j.daemon.runtime;

/** A failure while the daemon prepares itself (privileges, limits): {@code Error: <message>}, exit 2. */
public final class StartupError extends Exception {
  StartupError(String message) {
    super(message);
  }
}
