package dev.supervisor4j.daemon.spawn;

/**
 * Decodes a raw wait(2) status the way the C macros (and Python's os.W* functions) do, so a death
 * by SIGTERM stays {@code terminated by SIGTERM} and never becomes {@code exit status 143}.
 */
final class WaitStatus {
  private WaitStatus() {}

  static ExitStatus decode(int status) {
    int low = status & 0x7f;
    if (low == 0) {
      return ExitStatus.exited((status >> 8) & 0xff); // WIFEXITED, WEXITSTATUS
    }
    if (low != 0x7f) {
      return ExitStatus.killedBy(low, (status & 0x80) != 0); // WIFSIGNALED, WTERMSIG, WCOREDUMP
    }
    // Stopped/continued states are never asked for (no WUNTRACED/WCONTINUED), so this is unreachable.
    throw new IllegalArgumentException(String.format("unknown termination cause 0x%04x", status));
  }
}
