package dev.supervisor4j.daemon.runtime;

import dev.supervisor4j.daemon.Generations;
import dev.supervisor4j.daemon.RootMsg;
import dev.supervisor4j.daemon.log.MainLog;
import java.util.Locale;
import org.apache.pekko.actor.typed.ActorRef;
import sun.misc.Signal;

/**
 * supervisord's signals: TERM and INT shut down, HUP restarts, USR2 reopens the logs. The handlers
 * only log and send a message; the root does the work.
 *
 * <p>SIGQUIT cannot be caught here: the JVM keeps it for thread dumps (documented in the README).
 */
final class DaemonSignals {
  private DaemonSignals() {}

  static void install(ActorRef<RootMsg> root, Generations generations) {
    install(root, generations, (signal, meaning) -> {});
  }

  /**
   * The running generation is stopped here, on the signal's thread, before the line is logged and
   * the root told: from that line on, the main log shows no spawn.
   *
   * @param noted told each signal's name and what it asks for, for the history
   */
  static void install(ActorRef<RootMsg> root, Generations generations,
      java.util.function.BiConsumer<String, String> noted) {
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
      } catch (java.io.IOException e) {
        MainLog.crit("could not reopen the main log: " + e.getMessage());
      }
      MainLog.info("supervisord logreopen");
      root.tell(RootMsg.ReopenLogs.INSTANCE);
    });
  }

  private static void handle(String name, Runnable action) {
    try {
      Signal.handle(new Signal(name), s -> action.run());
    } catch (IllegalArgumentException e) {
      MainLog.warn("cannot handle SIG" + name.toUpperCase(Locale.ROOT) + ": " + e.getMessage());
    }
  }
}
