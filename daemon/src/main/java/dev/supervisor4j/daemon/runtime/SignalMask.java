package dev.supervisor4j.daemon.runtime;

import com.sun.jna.Memory;
import com.sun.jna.StringArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import sun.misc.Signal;

/**
 * The daemon's signals are taken from the kernel by one thread ({@link SignalWaiter}), not by the
 * JVM: that is the only way to stop on SIGQUIT as Supervisor does (HotSpot keeps QUIT for thread
 * dumps and refuses any handler for it) and to learn who sent a signal ({@code siginfo}).
 *
 * <p>It needs two things from the start of the process, before the JVM makes its first thread:
 * {@code -Xrs}, so that HotSpot installs nothing for HUP, INT, TERM and QUIT, and these signals
 * plus USR2 blocked in every thread, so that the kernel keeps them pending until the waiting
 * thread takes them. A signal mask is inherited by every thread and kept across {@code execve};
 * {@code bin/supervisord} starts the JVM with {@code env --block-signal}. Started any other way
 * ({@code java -cp …}, or after detaching), the JVM blocks them in its main thread and executes
 * itself again with {@code -Xrs} ({@link #relaunchIfNeeded}): the same pid, one more JVM start.
 *
 * <p>HotSpot suspends threads with SIGUSR2 on Linux (for JFR's samples, among others), which
 * supervisord uses to reopen its logs; the launch moves HotSpot's to signal 39 with
 * {@code _JAVA_SR_SIGNUM} unless the environment already chose one, and children never see that
 * variable when it was ours ({@link #SR_OURS}).
 *
 * <p>With {@code -Xrs} a QUIT no longer prints a thread dump; {@code jcmd <pid> Thread.print} does
 * (the attach listener is started with the JVM, so {@code jcmd} needs no QUIT to reach it).
 */
final class SignalMask {
  private SignalMask() {}

  /** The signals the waiting thread takes. */
  static final List<String> WAITED = List.of("HUP", "INT", "TERM", "QUIT", "USR2");

  /** Set on the command line of the JVM this class executed. */
  static final String RELAUNCHED = "supervisor4j.signals.relaunched";
  /** Set when {@code _JAVA_SR_SIGNUM} is ours, not the user's: children do not get it. */
  static final String SR_OURS = "supervisor4j.srsignum.ours";
  static final String SR_SIGNUM = "_JAVA_SR_SIGNUM";
  /** A real-time signal no library here uses; HotSpot accepts 12 to 64. */
  static final String OUR_SR_SIGNUM = "39";

  private static final int F_SETFD = 2;
  private static final int FD_CLOEXEC = 1;

  /** True when the waiting thread can take every signal of {@link #WAITED} in this JVM. */
  static boolean ready() {
    return onLinux() && reducedSignalUsage(commandLine()) && blockedHere();
  }

  /**
   * Executes this JVM again with {@code -Xrs} and the signals blocked, unless it already runs so;
   * returns only when it does, or cannot be done (then the JVM's own handlers are used and SIGQUIT
   * stays the JVM's; {@link DaemonSignals} says so in the log).
   */
  static void relaunchIfNeeded() {
    if (!onLinux() || ready() || System.getProperty(RELAUNCHED) != null) {
      return;
    }
    ProcessHandle.Info self = ProcessHandle.current().info();
    Optional<List<String>> arguments = Daemonizer.arguments(self);
    if (self.command().isEmpty() || arguments.isEmpty()) {
      return;
    }
    Map<String, String> env = new LinkedHashMap<>(System.getenv());
    List<String> argv = new ArrayList<>();
    argv.add(self.command().get());
    argv.add("-Xrs");
    argv.add("-XX:+StartAttachListener");
    argv.add("-D" + RELAUNCHED + "=true");
    if (!env.containsKey(SR_SIGNUM)) {
      env.put(SR_SIGNUM, OUR_SR_SIGNUM);
      argv.add("-D" + SR_OURS + "=true");
    }
    argv.addAll(arguments.get());
    String[] envp = env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    DaemonLibC libc = DaemonLibC.get();
    try (Memory set = signalSet(libc); Memory previous = new Memory(DaemonLibC.SIGSET_SIZE)) {
      if (libc.pthread_sigmask(DaemonLibC.SIG_BLOCK, set, previous) != 0) {
        return;
      }
      closeOnExec(libc);
      libc.execve(DaemonLibC.cString(argv.get(0)), new StringArray(argv.toArray(new String[0]), "UTF-8"),
          new StringArray(envp, "UTF-8"));
      libc.pthread_sigmask(DaemonLibC.SIG_SETMASK, previous, null); // execve failed: carry on as we are
    }
  }

  /** {@link #WAITED} as a native {@code sigset_t}. */
  static Memory signalSet(DaemonLibC libc) {
    Memory set = new Memory(DaemonLibC.SIGSET_SIZE);
    libc.sigemptyset(set);
    for (String name : WAITED) {
      libc.sigaddset(set, new Signal(name).getNumber());
    }
    return set;
  }

  /** Whether every signal of {@link #WAITED} is blocked in the calling thread. */
  static boolean blockedHere() {
    try {
      return allBlocked(Files.readString(Path.of("/proc/thread-self/status")));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Reads the {@code SigBlk:} line of a {@code /proc/…/status} text. */
  static boolean allBlocked(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("SigBlk:")) {
        long mask = Long.parseUnsignedLong(line.substring("SigBlk:".length()).trim(), 16);
        return WAITED.stream().allMatch(n -> (mask & (1L << (new Signal(n).getNumber() - 1))) != 0);
      }
    }
    return false;
  }

  static boolean reducedSignalUsage(List<String> commandLine) {
    return commandLine.contains("-Xrs") || commandLine.contains("-XX:+ReduceSignalUsage");
  }

  /** The JVM options and arguments of this process. */
  private static List<String> commandLine() {
    return Daemonizer.arguments(ProcessHandle.current().info()).orElse(List.of());
  }

  private static boolean onLinux() {
    return Files.isDirectory(Path.of("/proc/thread-self"));
  }

  /**
   * Marks every descriptor above stderr close-on-exec, so the new JVM starts with only its stdio
   * (the old one's jars and sockets would otherwise stay open in it, unused, for its whole life).
   */
  private static void closeOnExec(DaemonLibC libc) {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      fds.map(p -> p.getFileName().toString())
          .filter(n -> n.chars().allMatch(Character::isDigit))
          .mapToInt(Integer::parseInt)
          .filter(fd -> fd > 2)
          .forEach(fd -> libc.fcntl(fd, F_SETFD, FD_CLOEXEC));
    } catch (IOException | RuntimeException e) {
      // Best effort: an inherited descriptor only stays open unused.
    }
  }
}
