package dev.supervisor4j.daemon.runtime;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.supervisor4j.daemon.Generations;
import dev.supervisor4j.daemon.RootMsg;
import dev.supervisor4j.daemon.log.MainLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import sun.misc.Signal;

/**
 * supervisord's signals: TERM, INT and QUIT shut down, HUP restarts, USR2 reopens the logs. The
 * actions only log and send a message; the root does the work.
 *
 * <p>They are taken by {@link SignalWaiter}, which also learns who sent each (for the history),
 * when the JVM was launched for it ({@link SignalMask}); otherwise by the JVM's own handlers
 * ({@code sun.misc.Signal}), and then SIGQUIT stays the JVM's thread dump and senders are unknown.
 *
 * <p>Signals ignored at launch: {@code nohup} starts us with SIGHUP ignored, and a non-interactive
 * shell starts {@code cmd &} with SIGINT (and SIGQUIT) ignored; {@code exec}, {@code bin/supervisord}
 * included, keeps those dispositions. An ignored signal is discarded by the kernel, so the waiting
 * thread would never see it; and the JVM refuses our handler without a word: HotSpot's
 * {@code JVM_RegisterSignal} (JDK 17: src/hotspot/os/posix/signals_posix.cpp) answers "ignored"
 * for HUP, INT and TERM, its shutdown signals, when {@code sigaction} reports SIG_IGN at the time
 * of the call, without installing anything; {@code jdk.internal.misc.Signal.handle} throws only
 * for "refused" (-1), so {@code Signal.handle} returns normally and the handler never runs. The fix
 * below was checked on JDK 17 and 25, under {@code nohup bin/supervisord … &}. Supervisor
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

  /** Told each signal's name, what it asks for, and who sent it ("" when unknown), for the history. */
  interface Noted {
    void signalled(String signal, String meaning, String sender);
  }

  static void install(ActorRef<RootMsg.Command> root, Generations generations) {
    install(root, generations, (signal, meaning, sender) -> {});
  }

  /**
   * The running generation is stopped here, on the signal's thread, before the line is logged and
   * the root told: from that line on, the main log shows no spawn.
   */
  static void install(ActorRef<RootMsg.Command> root, Generations generations, Noted noted) {
    boolean waiting = SignalMask.ready();
    RESTORED.forEach(DaemonSignals::unignore);
    Map<String, Consumer<SignalWaiter.Sender>> actions = new LinkedHashMap<>();
    for (String exit : List.of("TERM", "INT", "QUIT")) {
      actions.put(exit, from -> {
        if (exit.equals("QUIT") && attachRequest(from)) {
          return;
        }
        generations.shutdown();
        MainLog.warn("received SIG" + exit + " indicating exit request");
        noted.signalled("SIG" + exit, "shutdown", from.describe());
        root.tell(RootMsg.Shutdown.INSTANCE);
      });
    }
    actions.put("HUP", from -> {
      generations.stopCurrent();
      MainLog.warn("received SIGHUP indicating restart request");
      noted.signalled("SIGHUP", "restart", from.describe());
      root.tell(RootMsg.Restart.INSTANCE);
    });
    actions.put("USR2", from -> {
      MainLog.info("received SIGUSR2 indicating log reopen request");
      try {
        MainLog.reopen();
      } catch (IOException e) {
        MainLog.crit("could not reopen the main log: " + e.getMessage());
      }
      MainLog.info("supervisord logreopen");
      root.tell(RootMsg.ReopenLogs.INSTANCE);
    });
    if (waiting) {
      unignore("QUIT");
      Map<Integer, Consumer<SignalWaiter.Sender>> byNumber = new LinkedHashMap<>();
      actions.forEach((name, action) -> byNumber.put(new Signal(name).getNumber(), action));
      SignalWaiter.start(byNumber);
      return;
    }
    if (System.getProperty(SignalMask.RELAUNCHED) != null) {
      MainLog.warn("the daemon's signals could not be blocked at launch; SIGQUIT is left to the JVM");
    }
    actions.forEach((name, action) -> {
      if (!name.equals("QUIT")) {
        handle(name, () -> action.accept(SignalWaiter.Sender.UNKNOWN));
      }
    });
  }

  /**
   * {@code jcmd} (the JDK's attach) sends SIGQUIT when it finds no attach socket, after creating
   * {@code .attach_pid<pid>}: not a stop request. The listener is started with the JVM, so this
   * only happens when its socket was deleted from /tmp.
   */
  private static boolean attachRequest(SignalWaiter.Sender from) {
    String name = ".attach_pid" + ProcessHandle.current().pid();
    boolean attach = Files.exists(Path.of("/tmp", name)) || Files.exists(Path.of(name).toAbsolutePath());
    if (attach) {
      MainLog.info("received SIGQUIT with an attach request (jcmd); the attach socket is gone, restart to get it back");
    }
    return attach;
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
