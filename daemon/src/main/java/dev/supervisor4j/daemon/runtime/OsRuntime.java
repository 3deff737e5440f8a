package dev.supervisor4j.daemon.runtime;

import dev.supervisor4j.daemon.config.HttpServerConfig;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.log.MainLog;
import dev.supervisor4j.daemon.process.SpawnPlanner;
import dev.supervisor4j.daemon.spawn.CommandResolver;
import dev.supervisor4j.daemon.spawn.OsProcessSpawner;
import dev.supervisor4j.daemon.spawn.ProcessSpawner;
import dev.supervisor4j.daemon.spawn.ResolvedCommand;
import dev.supervisor4j.daemon.spawn.SpawnRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** The real operating-system parts: the spawner, and how a program's config becomes a spawn. */
public final class OsRuntime {
  private static OsProcessSpawner spawner;

  private OsRuntime() {}

  /** The one spawner of this JVM (it owns every child and reaps them all, unknown pids too). */
  public static synchronized ProcessSpawner spawner() {
    if (spawner == null) {
      spawner = OsProcessSpawner.start(reaped -> MainLog.info(reaped.logMessage()));
    }
    return spawner;
  }

  /**
   * Supervisor's pre-spawn work for one config: the command split and looked up on the PATH the
   * child will have, and the environment built in Supervisor's order (last writer wins): the
   * daemon's own, the SUPERVISOR_* variables, {@code [supervisord] environment}, the program's.
   */
  public static SpawnPlanner planner(SupervisordConfig config) {
    String serverUrl = defaultServerUrl(config);
    Map<String, String> inherited = System.getenv();
    return (program, group) -> {
      Map<String, String> configured = new LinkedHashMap<>(config.daemon().environment());
      configured.putAll(program.environment());
      ResolvedCommand command = CommandResolver.resolve(program.command(),
          CommandResolver.searchPath(configured, inherited.get("PATH")));
      Map<String, String> env = new LinkedHashMap<>(inherited);
      env.remove(Daemonizer.MARK);
      if (Boolean.getBoolean(SignalMask.SR_OURS)) {
        env.remove(SignalMask.SR_SIGNUM);
      }
      env.put("SUPERVISOR_ENABLED", "1");
      String url = program.serverUrl() != null ? program.serverUrl() : serverUrl;
      if (url != null) {
        env.put("SUPERVISOR_SERVER_URL", url);
      }
      env.put("SUPERVISOR_PROCESS_NAME", program.name());
      env.put("SUPERVISOR_GROUP_NAME", group);
      env.putAll(configured);
      return new SpawnRequest(command.executable(), command.argv(), env, program.directory(),
          program.user(), program.umask(), program.redirectStderr(), program.name());
    };
  }

  /** The first unix server's socket, else the last inet server, else none (as supervisord). */
  static String defaultServerUrl(SupervisordConfig config) {
    String inet = null;
    for (HttpServerConfig server : config.httpServers()) {
      if (server instanceof HttpServerConfig.Unix) {
        return "unix://" + ((HttpServerConfig.Unix) server).file();
      }
      HttpServerConfig.Inet i = (HttpServerConfig.Inet) server;
      inet = "http://" + (i.host().isEmpty() ? "localhost" : i.host()) + ":" + i.port();
    }
    return inet;
  }

}
