package dev.supervisor4j.daemon.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who a child process is, as {@code /proc} tells it apart from any later process with the same pid:
 * its start time (field 22 of {@code /proc/<pid>/stat}, clock ticks since boot) and the boot it
 * belongs to ({@code /proc/sys/kernel/random/boot_id}), so that neither a reused pid nor a pid and
 * start time repeated after a reboot is ever taken for it. Linux only; elsewhere nothing is known
 * and nothing matches.
 *
 * @param pid        the process id
 * @param startTicks when it started, in clock ticks since boot
 * @param bootId     the boot it started in
 */
public record ChildIdentity(long pid, long startTicks, String bootId) {
  private static final Path PROC = Path.of("/proc");

  public ChildIdentity {
    bootId = bootId == null ? "" : bootId;
  }

  /** What {@code /proc/<pid>/stat} says, the fields we need. */
  record Stat(char state, long ppid, long startTicks) {}

  /**
   * The identity of {@code pid} if it is a child of {@code parent} (ours, not yet reaped or still
   * running); null when it is gone, or when the pid already names someone else's process.
   */
  public static ChildIdentity ofChild(long pid, long parent) {
    Stat stat = stat(pid);
    String boot = BootId.VALUE;
    if (stat == null || stat.ppid() != parent || boot.isEmpty()) {
      return null;
    }
    return new ChildIdentity(pid, stat.startTicks(), boot);
  }

  /** This process's parent, or -1 when it is gone or another process has its pid now. */
  public long parentIfAlive() {
    Stat stat = stat(pid);
    return isSame(stat) ? stat.ppid() : -1;
  }

  /**
   * Whether this very process still runs: same boot, the pid present with the same start time, and
   * not a zombie (a zombie has ended; only its parent's wait is missing).
   */
  public boolean isAlive() {
    return isSame(stat(pid));
  }

  private boolean isSame(Stat stat) {
    return stat != null && stat.state() != 'Z' && stat.startTicks() == startTicks
        && !bootId.isEmpty() && bootId.equals(BootId.VALUE);
  }

  /** {@code /proc/<pid>/stat}, or null when there is no such process (or no /proc). */
  static Stat stat(long pid) {
    if (pid <= 0) {
      return null;
    }
    try {
      return parse(Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Parses a stat line. The command name (field 2) is in parentheses and may hold spaces and
   * parentheses itself, so the fields are counted from the last {@code ')'}.
   */
  static Stat parse(String line) {
    String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
    // f[0] is field 3 (state), f[1] field 4 (ppid), f[19] field 22 (starttime).
    return new Stat(f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[19]));
  }

  /** Read once: it changes only with a reboot. */
  private static final class BootId {
    static final String VALUE = read();

    private static String read() {
      try {
        return Files.readString(PROC.resolve("sys/kernel/random/boot_id"), StandardCharsets.US_ASCII).strip();
      } catch (IOException | RuntimeException e) {
        return "";
      }
    }
  }
}
