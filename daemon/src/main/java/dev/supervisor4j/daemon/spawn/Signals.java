package dev.supervisor4j.daemon.spawn;

import dev.supervisor4j.protocol.Signal;

/**
 * Sends signals with kill(2) through JNA, to a process or to a whole process group.
 *
 * <p>Design choice: a native call (about 10 µs) rather than spawning {@code /bin/kill} (about
 * 18 ms, and itself a child our reaper would collect). Cost: the first use loads libc through JNA
 * (250-300 ms) unless the spawner already did.
 */
public final class Signals {
  private Signals() {}

  /**
   * kill(pid, signal).
   *
   * @return false when no such process exists (ESRCH)
   * @throws IllegalStateException on any other error, with its errno name (supervisord then
   *     moves the process to UNKNOWN)
   * @throws IllegalArgumentException for pid 0 or below, which would hit our own group or more
   */
  public static boolean send(long pid, Signal signal) {
    if (pid <= 0) {
      throw new IllegalArgumentException("refusing to signal pid " + pid);
    }
    return kill((int) pid, signal);
  }

  /**
   * kill(-pgid, signal): every process of the group, as supervisord's stopasgroup/killasgroup.
   *
   * @throws IllegalArgumentException for pgid 1 or below: kill(-1) would reach every process
   */
  public static boolean sendToGroup(long pgid, Signal signal) {
    if (pgid <= 1) {
      throw new IllegalArgumentException("refusing to signal process group " + pgid);
    }
    return kill((int) -pgid, signal);
  }

  private static boolean kill(int target, Signal signal) {
    if (LibC.get().kill(target, signal.number()) == 0) {
      return true;
    }
    int errno = LibC.errno();
    if (errno == LibC.ESRCH) {
      return false;
    }
    throw new IllegalStateException(
        "kill(" + target + ", " + signal.name() + ") failed: " + Errno.name(errno));
  }
}
