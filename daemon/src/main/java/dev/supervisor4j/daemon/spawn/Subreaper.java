package dev.supervisor4j.daemon.spawn;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * Makes this JVM a child subreaper with {@code prctl(PR_SET_CHILD_SUBREAPER, 1)}: processes
 * orphaned below our children are reparented to us instead of to PID 1, and our reaper collects
 * them and reports them as unknown pids ({@code reaped unknown pid ...}). Without it, only a
 * daemon that runs as PID 1 (a container's init) gets them; supervisord itself never sets this.
 *
 * <p>Use it when the daemon should own the whole tree of its programs, e.g. so that a
 * {@code stopasgroup} wrapper's escaped grandchildren do not linger as someone else's zombies.
 * Cost: it is process-wide and stays on for the JVM's lifetime (we never turn it off). Every
 * such orphan becomes a child of the JVM, so {@link OsProcessSpawner}'s reaper must be running
 * to collect it; otherwise it stays a zombie.
 */
public final class Subreaper {
  private static final int PR_SET_CHILD_SUBREAPER = 36;
  private static final int PR_GET_CHILD_SUBREAPER = 37;

  private Subreaper() {}

  /** @throws IllegalStateException if the kernel refuses (errno name in the message) */
  public static void enable() {
    if (LibC.get().prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0) {
      throw new IllegalStateException(
          "prctl(PR_SET_CHILD_SUBREAPER) failed: " + Errno.name(LibC.errno()));
    }
  }

  /** Whether this process is a child subreaper. */
  public static boolean isEnabled() {
    try (Memory flag = new Memory(4)) {
      flag.setInt(0, 0);
      LibC.get().prctl(PR_GET_CHILD_SUBREAPER, Pointer.nativeValue(flag), 0, 0, 0);
      return flag.getInt(0) != 0;
    }
  }
}
