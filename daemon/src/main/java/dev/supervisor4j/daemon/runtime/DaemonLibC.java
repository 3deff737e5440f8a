package dev.supervisor4j.daemon.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The glibc calls the daemon makes about itself: its resource limits, its user and its signal
 * dispositions. glibc's {@code setuid}/{@code setgid} apply to every thread of the process (unlike
 * the raw syscalls).
 */
interface DaemonLibC extends Library {
  int getrlimit(int resource, long[] limits);

  int setrlimit(int resource, long[] limits);

  int initgroups(byte[] user, int group);

  int setgid(int gid);

  int setuid(int uid);

  int getuid();

  /**
   * sigaction(2) through glibc's {@code struct sigaction}, which starts with the handler (a pointer;
   * {@code SIG_DFL} is 0, {@code SIG_IGN} 1) on every Linux ABI. {@code act} or {@code oldact} may
   * be null.
   */
  int sigaction(int signum, Pointer act, Pointer oldact);

  static DaemonLibC get() {
    return Holder.INSTANCE;
  }

  static byte[] cString(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    return Arrays.copyOf(utf8, utf8.length + 1);
  }

  /** Loaded on first use: JNA's set-up costs a few hundred milliseconds once. */
  final class Holder {
    static final DaemonLibC INSTANCE = Native.load("c", DaemonLibC.class);

    private Holder() {}
  }
}
