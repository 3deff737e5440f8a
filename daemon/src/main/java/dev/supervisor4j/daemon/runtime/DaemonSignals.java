package dev.supervisor4j.daemon.runtime;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.supervisor4j.daemon.Generations;
import dev.supervisor4j.daemon.RootMsg;
import dev.supervisor4j.daemon.log.MainLog;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.apache.pekko.actor.typed.ActorRef;
import sun.misc.Signal;

/**
 * supervisord's signals: TERM and INT shut down, HUP restarts, USR2 reopens the logs. The handlers
 * only log and send a message; the root does the work.
 *
 * <p>SIGQUIT cannot be caught here: the JVM keeps it for thread dumps (documented in the README).
 *
 * <p>Signals ignored at launch: {@code nohup} starts us with SIGHUP ignored, and a non-interactive
 * shell starts {@code cmd &} with SIGINT (and SIGQUIT) ignored; {@code exec}, {@code bin/supervisord}
 * included, keeps those dispositions. The JVM then refuses our handler without a word: HotSpot's
 * {@code JVM_RegisterSignal} (JDK 17: src/hotspot/os/posix/signals_posix.cpp) answers "ignored"
 * for HUP, INT and TERM, its shutdown signals, when {@code sigaction} reports SIG_IGN at the time
 * of the call, without installing anything; {@code jdk.internal.misc.Signal.handle} throws only
 * for "refused" (-1), so {@code Signal.handle} returns normally and the handler never runs (with
 * {@code -Xrs} it refuses them outright: IllegalArgumentException, logged below). The fix below was
 * checked on JDK 17 and 25, under {@code nohup bin/supervisord … &}. Supervisor
 * installs its handlers whatever it inherited, so before handling them we set every one of ours
 * that is SIG_IGN back to SIG_DFL, and SIGCHLD too: ignored, the kernel would reap our children
 * itself and the reaper's waitpid would never see their exit statuses. A disposition that is not
 * SIG_IGN is left alone (SIGUSR2 may carry the JVM's own handler).
 */
final class DaemonSignals {
  private DaemonSignals() {}

  /** What we restore when it was inherited as SIG_IGN, before {@link #install} handles them. */
  static final List<String> RESTORED = List.of("HUP", "INT", "TERM", "USR2", "CHLD");

  private static final long SIG_IGN = 1;
  /** More than glibc's {@code struct sigaction} (152 bytes on x86-64 and arm64). */
  private static final int SIGACTION_SIZE = 256;

  static void install(ActorRef<RootMsg.Command> root, Generations generations) {
    install(root, generations, (signal, meaning) -> {});
  }

  /**
   * The running generation is stopped here, on the signal's thread, before the line is logged and
   * the root told: from that line on, the main log shows no spawn.
   *
   * @param noted told each signal's name and what it asks for, for the history
   */
  static void install(ActorRef<RootMsg.Command> root, Generations generations,
      BiConsumer<String, String> noted) {
    RESTORED.forEach(DaemonSignals::unignore);
    handle("TERM", () -> {
      generations.shutdown();
      MainLog.warn("received SIGTERM indicating exit request");
      noted.accept("SIGTERM", "shutdown");
      root.tell(RootMsg.Shutdown.INSTANCE);
    });
    handle("INT", () -> {
      generations.shutdown();
      MainLog.warn("received SIGINT indicating exit request");
      noted.accept("SIGINT", "shutdown");
      root.tell(RootMsg.Shutdown.INSTANCE);
    });
    handle("HUP", () -> {
      generations.stopCurrent();
      MainLog.warn("received SIGHUP indicating restart request");
      noted.accept("SIGHUP", "restart");
      root.tell(RootMsg.Restart.INSTANCE);
    });
    handle("USR2", () -> {
      MainLog.info("received SIGUSR2 indicating log reopen request");
      try {
        MainLog.reopen();
      } catch (IOException e) {
        MainLog.crit("could not reopen the main log: " + e.getMessage());
      }
      MainLog.info("supervisord logreopen");
      root.tell(RootMsg.ReopenLogs.INSTANCE);
    });
  }

  /** Sets {@code name} back to SIG_DFL if it is SIG_IGN now; leaves any other disposition as it is. */
  private static void unignore(String name) {
    int number = new Signal(name).getNumber();
    try (Memory old = new Memory(SIGACTION_SIZE); Memory dfl = new Memory(SIGACTION_SIZE)) {
      old.clear();
      DaemonLibC libc = DaemonLibC.get();
      if (libc.sigaction(number, null, old) != 0 || Pointer.nativeValue(old.getPointer(0)) != SIG_IGN) {
        return;
      }
      dfl.clear(); // SIG_DFL, empty mask, no flags
      if (libc.sigaction(number, dfl, null) != 0) {
        MainLog.warn("SIG" + name + " was ignored at start and could not be restored");
      }
    }
  }

  private static void handle(String name, Runnable action) {
    try {
      Signal.handle(new Signal(name), s -> action.run());
    } catch (IllegalArgumentException e) {
      MainLog.warn("cannot handle SIG" + name.toUpperCase(Locale.ROOT) + ": " + e.getMessage());
    }
  }
}
