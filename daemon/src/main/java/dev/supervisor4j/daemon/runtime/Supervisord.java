package dev.supervisor4j.daemon.runtime;

import dev.supervisor4j.daemon.cli.ConfigLocator;
import dev.supervisor4j.daemon.cli.SupervisordArgs;
import dev.supervisor4j.daemon.ConfigSource;
import dev.supervisor4j.daemon.cli.UsageException;
import dev.supervisor4j.daemon.cli.UsageText;
import dev.supervisor4j.daemon.config.ConfigException;
import dev.supervisor4j.daemon.config.ConfigLoader;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.log.MainLog;
import dev.supervisor4j.protocol.Versions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * supervisord's {@code main}: parses the command line, finds and loads the config (every error
 * exits 2 before anything starts), detaches unless {@code nodaemon}, then runs the daemon.
 */
public final class Supervisord {
  private Supervisord() {}

  public static void main(String[] argv) {
    commonPoolOfAtLeastTwo();
    System.exit(run(Arrays.asList(argv), System.out, System.err, true));
  }

  /**
   * On one or two cores the JDK gives ForkJoinPool's common pool a parallelism of 1, and then every
   * {@code CompletableFuture} {@code *Async} step without an executor runs on a brand-new thread.
   * Pekko's Java ask hands back stages whose plain {@code thenApply} is such a step, so each API
   * call started several threads (thousands a second under load). A common pool of two or more
   * threads is used instead. Must run before anything touches the common pool; the launcher also
   * passes the property.
   */
  static void commonPoolOfAtLeastTwo() {
    String key = "java.util.concurrent.ForkJoinPool.common.parallelism";
    if (System.getProperty(key) == null && Runtime.getRuntime().availableProcessors() <= 2) {
      System.setProperty(key, "2");
    }
  }

  /** Everything but the actual run, so that tests can drive the command line in-process. */
  static int run(List<String> argv, PrintStream out, PrintStream err) {
    return run(argv, out, err, false);
  }

  /**
   * @param relaunch whether this JVM may execute itself again to take its signals itself
   *     ({@link SignalMask}); never in a test's JVM
   */
  static int run(List<String> argv, PrintStream out, PrintStream err, boolean relaunch) {
    String argv0 = System.getProperty("supervisor4j.argv0", "supervisord");
    Path cwd = Daemonizer.startupDirectory();
    Map<String, String> env = System.getenv();
    SupervisordArgs args;
    SupervisordConfig config;
    ConfigSource source;
    try {
      args = SupervisordArgs.parse(argv);
      if (args.help()) {
        out.print(UsageText.of(argv0));
        return 0;
      }
      if (args.version()) {
        out.println(Versions.SUPERVISOR);
        return 0;
      }
      if (relaunch) {
        SignalMask.relaunchIfNeeded(); // before anything is printed: the new JVM prints it
      }
      String typed = args.configFile();
      Path file;
      if (typed != null) {
        file = cwd.resolve(typed);
        if (!Files.exists(file)) {
          throw new UsageException("could not find config file " + typed);
        }
      } else {
        Path exe = Path.of(argv0);
        Optional<Path> found = ConfigLocator.find(exe, cwd);
        if (found.isEmpty()) {
          throw new UsageException(ConfigLocator.notFoundMessage(exe, cwd));
        }
        file = found.get();
        typed = file.toString();
        if ("root".equals(System.getProperty("user.name"))) {
          err.println(ConfigLocator.ROOT_SEARCH_WARNING);
        }
      }
      String shown = typed;
      source = () -> ConfigLoader.load(file, shown, args.overrides(), env, cwd);
      config = source.load();
    } catch (UsageException | ConfigException e) {
      err.println("Error: " + e.getMessage());
      err.println("For help, use " + argv0 + " -h");
      return 2;
    }
    if (!config.daemon().nodaemon() && !Daemonizer.isDaemonized()) {
      return Daemonizer.detach(config.daemon(), err);
    }
    // SLF4J initialises once, here, before any other thread can log (no "replayed calls" notice).
    MainLog.LOG.isInfoEnabled();
    try {
      return Daemon.run(config, source, OsRuntime.spawner(), OsRuntime::planner);
    } catch (StartupError e) {
      err.println("Error: " + e.getMessage());
      err.println("For help, use " + argv0 + " -h");
      return 2;
    }
  }
}
