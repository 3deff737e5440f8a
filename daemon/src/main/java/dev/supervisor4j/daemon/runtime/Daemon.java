package dev.supervisor4j.daemon.runtime;

import dev.supervisor4j.daemon.ConfigSource;
import dev.supervisor4j.daemon.Generations;
import dev.supervisor4j.daemon.board.StatusBoard;
import dev.supervisor4j.daemon.group.ProcessFactory;
import dev.supervisor4j.daemon.RootGuardian;
import dev.supervisor4j.daemon.RootMsg;
import dev.supervisor4j.daemon.events.EventHub;
import dev.supervisor4j.daemon.config.ConfigException;
import dev.supervisor4j.daemon.config.DaemonSettings;
import dev.supervisor4j.daemon.config.GroupKind;
import dev.supervisor4j.daemon.config.LoadMessage;
import dev.supervisor4j.daemon.api.ActorSupervisorApi;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.http.HttpOptions;
import dev.supervisor4j.protocol.SupervisorApi;
import dev.supervisor4j.daemon.log.MainLog;
import dev.supervisor4j.daemon.output.ChildLogNames;
import dev.supervisor4j.daemon.process.ProcessActor;
import dev.supervisor4j.daemon.process.SpawnPlanner;
import dev.supervisor4j.daemon.spawn.ProcessSpawner;
import java.io.IOException;
import java.net.URL;
import java.time.Clock;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * A running supervisord: opens the main log, starts the actor tree, handles signals, and returns
 * the exit status once everything has stopped.
 */
public final class Daemon implements ConfigSource {
  private final ConfigSource reader;
  private final PidFile pidfile;
  private List<String> startupMessages;
  private final long pid = ProcessHandle.current().pid();
  /** Set once the actor system exists (the first prepare runs after that). */
  private ActorSystem<RootMsg.Command> system;
  private History history;
  private HttpServers servers;
  /** Why a restart could not open the HTTP servers: the daemon then exits as at start. */
  private volatile StartupError restartError;

  private Daemon(ConfigSource reader, SupervisordConfig initial) {
    this.reader = reader;
    this.pidfile = new PidFile(initial.daemon().pidfile());
  }

  /**
   * Runs until shutdown.
   *
   * @param initial  the config, already loaded and valid
   * @param reader   re-reads the config on restart
   * @param spawner  makes children
   * @param planners makes the spawn planner for a config (its environment, server URL)
   * @return the exit status: 0 after a shutdown, 2 when a restart found the config invalid
   */
  public static int run(SupervisordConfig initial, ConfigSource reader, ProcessSpawner spawner,
      Function<SupervisordConfig, SpawnPlanner> planners) throws StartupError {
    Daemon daemon = new Daemon(reader, initial);
    // Read what needs reading while we may still be root: after user= drops privileges, files
    // such as the jars may be out of reach (opened jars stay open, so classes still load).
    com.typesafe.config.Config pekkoConfig = History.pekkoConfig(PekkoSettings.daemon());
    if (initial.daemon().user() != null) {
      openEveryJar();
    }
    daemon.startupMessages = StartupChecks.run(initial.daemon());
    Clock clock = Clock.systemDefaultZone();
    ProcessFactory factory = (config, group, program, events, generation, board, socket) -> ProcessActor.create(
        program, group.name(), spawner, planners.apply(config), new ProcessLogs(program, config.daemon(),
            group.name(), group.kind() == GroupKind.EVENT_LISTENER, events), EventHub.changesTo(events), clock,
        generation, board, socket);
    // supervisord opens its main log, then its servers, then starts the processes.
    daemon.openLogs(initial);
    CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    Generations generations = new Generations();
    StatusBoard board = new StatusBoard();
    ActorSystem<RootMsg.Command> system = ActorSystem.create(
        RootGuardian.createWaiting(initial, factory, daemon, exitCode, generations, board), "supervisord",
        pekkoConfig);
    daemon.system = system;
    History history = History.start(system, initial.history(), clock);
    daemon.history = history;
    SupervisorApi api = new ActorSupervisorApi(system, system, board, history.ledger());
    HttpOptions httpOptions = HttpOptions.fromConfig(system.settings().config());
    try {
      daemon.servers = HttpServers.open(system, initial, httpOptions, api, caller -> history.forCaller(api, caller));
    } catch (StartupError e) {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().join();
      throw e;
    }
    DaemonSignals.install(system, generations, history::signalled);
    history.beforeBegin(system, initial, daemon.pidfile.previous());
    daemon.prepare(initial);
    system.tell(RootMsg.Begin.INSTANCE);
    history.afterBegin(system);
    system.getWhenTerminated().toCompletableFuture().join();
    daemon.pidfile.remove();
    if (daemon.restartError != null) {
      throw daemon.restartError; // reported as at start: "Error: ..." on stderr, exit status 2
    }
    return exitCode.getNow(1);
  }

  /** Touches every class-path entry, so the class loader holds each jar open from now on. */
  private static void openEveryJar() {
    try {
      Enumeration<URL> all =
          ClassLoader.getSystemClassLoader().getResources("META-INF/MANIFEST.MF");
      while (all.hasMoreElements()) {
        all.nextElement();
      }
    } catch (IOException e) {
      // Best effort: a jar we cannot open now will fail the same way later, with a clear error.
    }
    MainLog.LOG.isInfoEnabled(); // initialises SLF4J and Logback (service files, logback.xml)
  }

  @Override
  public SupervisordConfig load() throws ConfigException {
    return reader.load();
  }

  @Override
  public CompletionStage<SupervisordConfig> restart() {
    return CompletableFuture.supplyAsync(() -> {
      try {
        SupervisordConfig next = load();
        // supervisord: the main log, then the servers, then the pidfile and the processes.
        openLogs(next);
        servers.reopen(next);
        history.restart(system, next.history());
        prepare(next);
        return next;
      } catch (ConfigException e) {
        throw new CompletionException(e);
      } catch (StartupError e) {
        restartError = e;
        throw new CompletionException(e);
      }
    });
  }

  /**
   * Before the groups of {@code config} are made, at start-up and after each restart (the main log
   * and the servers already open): the pidfile written, the history told.
   */
  private void prepare(SupervisordConfig config) {
    pidfile.write(pid);
    MainLog.info("supervisord started with pid " + pid);
    if (history != null) {
      history.started(pid);
    }
  }

  /** Opens the main log, flushes the load messages, cleans old AUTO child logs. */
  private void openLogs(SupervisordConfig config) {
    DaemonSettings d = config.daemon();
    try {
      MainLog.configure(d.logfileSyslog() ? null : d.logfile(), d.logfileMaxBytes(), d.logfileBackups(),
          d.loglevel(), d.nodaemon() && !d.silent(), d.logfileSyslog());
    } catch (IOException e) {
      System.err.println("Error: could not open the main log " + d.logfile() + ": " + e.getMessage());
    }
    flush(config.messages());
    if (startupMessages != null) {
      startupMessages.forEach(MainLog::info);
      startupMessages = null; // supervisord does these only at the first start, not on restarts
    }
    if (isRoot() && d.user() == null) {
      MainLog.crit("Supervisor is running as root.  Privileges were not dropped because no user is "
          + "specified in the config file.  If you intend to run as root, you can set user=root in the "
          + "config file to avoid this message.");
    }
    if (!d.nocleanup()) {
      ChildLogNames.cleanup(d.childlogdir(), d.identifier(), MainLog::warn);
    }
  }

  /** supervisord flushes the messages it gathered while loading: CRIT first, then WARN, then INFO. */
  private static void flush(List<LoadMessage> messages) {
    messages.stream()
        .sorted(Comparator.comparingInt((LoadMessage m) -> -m.level().value()))
        .forEach(m -> MainLog.log(m.level(), m.text()));
  }

  private static boolean isRoot() {
    return DaemonLibC.get().getuid() == 0;
  }

}
