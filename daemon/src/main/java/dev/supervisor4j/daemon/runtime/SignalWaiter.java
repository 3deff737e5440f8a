package dev.supervisor4j.daemon.runtime;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import dev.supervisor4j.daemon.log.MainLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one thread that takes the daemon's signals from the kernel ({@code sigwaitinfo}), with who
 * sent each, and runs its action. Only possible when {@link SignalMask#ready()}.
 */
final class SignalWaiter implements Runnable {
  private static final int EINTR = 4;
  /** {@code si_code} values of a signal sent by a process: SI_USER, SI_QUEUE, SI_TKILL. */
  private static final int SI_USER = 0;
  private static final int SI_QUEUE = -1;
  private static final int SI_TKILL = -6;

  private final Map<Integer, Consumer<Sender>> actions;

  private SignalWaiter(Map<Integer, Consumer<Sender>> actions) {
    this.actions = Map.copyOf(actions);
  }

  /** Starts the waiting thread; {@code actions} by signal number. */
  static void start(Map<Integer, Consumer<Sender>> actions) {
    Thread t = new Thread(new SignalWaiter(actions), "signals");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void run() {
    DaemonLibC libc = DaemonLibC.get();
    try (Memory set = SignalMask.signalSet(libc); Memory info = new Memory(DaemonLibC.SIGINFO_SIZE)) {
      while (true) {
        int signal;
        try {
          info.clear();
          signal = libc.sigwaitinfo(set, info);
        } catch (LastErrorException e) {
          if (e.getErrorCode() == EINTR) {
            continue;
          }
          MainLog.crit("cannot wait for signals any more: " + e.getMessage());
          return;
        }
        Consumer<Sender> action = actions.get(signal);
        if (action != null) {
          action.accept(Sender.of(info.getByteArray(0, DaemonLibC.SIGINFO_SIZE)));
        }
      }
    }
  }

  /**
   * Who sent a signal: a process's pid, uid and command name, or nobody known (the kernel: a
   * terminal's Ctrl-C, a dying parent's PDEATHSIG, or a platform that does not tell).
   */
  record Sender(int pid, int uid, String command) {
    static final Sender UNKNOWN = new Sender(0, -1, "");

    /**
     * From glibc's {@code siginfo_t}: {@code si_code} at byte 8; for a signal from a process,
     * {@code si_pid} and {@code si_uid} start the union that follows (byte 16 on 64-bit ABIs,
     * 12 on 32-bit ones).
     */
    static Sender of(byte[] siginfo) {
      int code = intAt(siginfo, 8);
      if (code != SI_USER && code != SI_QUEUE && code != SI_TKILL) {
        return UNKNOWN;
      }
      int at = Native.LONG_SIZE == 8 ? 16 : 12;
      int pid = intAt(siginfo, at);
      int uid = intAt(siginfo, at + 4);
      return pid <= 0 ? UNKNOWN : new Sender(pid, uid, commandOf(pid));
    }

    /** {@code pid 4242 (uid 0, systemd)}; empty when unknown. */
    String describe() {
      if (pid <= 0) {
        return "";
      }
      return "pid " + pid + " (uid " + uid + (command.isEmpty() ? "" : ", " + command) + ")";
    }

    private static String commandOf(int pid) {
      try {
        return Files.readString(Path.of("/proc/" + pid + "/comm"), StandardCharsets.UTF_8).strip();
      } catch (IOException | RuntimeException e) {
        return ""; // it has exited already
      }
    }

    /** Native byte order, as the kernel wrote it. */
    private static int intAt(byte[] b, int at) {
      return java.nio.ByteBuffer.wrap(b, at, 4).order(java.nio.ByteOrder.nativeOrder()).getInt();
    }
  }
}
