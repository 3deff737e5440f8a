package dev.supervisor4j.daemon.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The glibc calls the daemon makes about itself: its resource limits, its user, its signal
 * dispositions and mask, and the re-exec that masks them. glibc's {@code setuid}/{@code setgid} apply to every thread of the process (unlike
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

  /** Sizes glibc gives {@code sigset_t} and {@code siginfo_t} on every Linux ABI (bytes). */
  int SIGSET_SIZE = 128;
  int SIGINFO_SIZE = 128;
  int SIG_BLOCK = 0;
  int SIG_SETMASK = 2;

  int sigemptyset(Pointer set);

  int sigaddset(Pointer set, int signum);

  /** The calling thread's signal mask; {@code set} or {@code oldset} may be null. */
  int pthread_sigmask(int how, Pointer set, Pointer oldset);

  /** Waits for a signal of {@code set} (which the caller blocks); the number, or -1 with errno. */
  int sigwaitinfo(Pointer set, Pointer info) throws com.sun.jna.LastErrorException;

  /** Replaces this process image; returns only on failure. */
  int execve(byte[] path, com.sun.jna.StringArray argv, com.sun.jna.StringArray envp);

  int fcntl(int fd, int cmd, int arg);

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
