package dev.supervisor4j.daemon.runtime;

import dev.supervisor4j.daemon.config.HttpServerConfig;
import dev.supervisor4j.daemon.config.LogLevel;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.log.MainLog;
import dev.supervisor4j.http.HttpBindException;
import dev.supervisor4j.http.HttpFrontEnd;
import dev.supervisor4j.http.HttpLog;
import dev.supervisor4j.http.HttpOptions;
import dev.supervisor4j.http.HttpServerSpec;
import dev.supervisor4j.http.web.WebConsole;
import dev.supervisor4j.protocol.Caller;
import dev.supervisor4j.protocol.SupervisorApi;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The config's {@code [inet_http_server]}/{@code [unix_http_server]} sections, web console included:
 * opened at start, and again at each restart, where a listener whose socket is unchanged stays open
 * (with its connections; new credentials apply from the next request) and a changed one is closed
 * and opened anew, as supervisord does (it closes and opens them all).
 */
final class HttpServers {
  private final ActorSystem<?> system;
  private final HttpOptions httpOptions;
  private final SupervisorApi api;
  private final Function<Caller, SupervisorApi> actingAs;
  /** Null until a config has a server (a daemon without HTTP sections binds nothing). */
  private HttpFrontEnd frontEnd;

  private HttpServers(ActorSystem<?> system, HttpOptions httpOptions, SupervisorApi api,
      Function<Caller, SupervisorApi> actingAs) {
    this.system = system;
    this.httpOptions = httpOptions;
    this.api = api;
    this.actingAs = actingAs;
  }

  /** The main log as the HTTP layer writes to it. */
  static final HttpLog MAIN_LOG = (level, message) -> MainLog.log(switch (level) {
    case CRITICAL -> LogLevel.CRITICAL;
    case ERROR -> LogLevel.ERROR;
    case WARN -> LogLevel.WARN;
    case INFO -> LogLevel.INFO;
    case DEBUG -> LogLevel.DEBUG;
    case TRACE -> LogLevel.TRACE;
  }, message);

  /**
   * Binds every server, inet ones first (none when the config has none: a daemon without HTTP
   * sections still runs, as supervisord does).
   *
   * @param httpOptions timeouts and body limit ({@link HttpOptions#fromConfig}); the console is added here
   * @param actingAs the API as one caller uses it, for XML-RPC and the web console (actions are
   *     recorded with who sent them)
   * @throws StartupError with supervisord's text when a port or socket is taken
   */
  static HttpServers open(ActorSystem<?> system, SupervisordConfig config, HttpOptions httpOptions,
      SupervisorApi api, Function<Caller, SupervisorApi> actingAs) throws StartupError {
    HttpServers servers = new HttpServers(system, httpOptions, api, actingAs);
    servers.reopen(config);
    return servers;
  }

  /**
   * The servers of {@code config}: at start, and at a restart once the processes have stopped.
   *
   * @throws StartupError with supervisord's text when a port or socket is taken; every server is
   *     closed then
   */
  void reopen(SupervisordConfig config) throws StartupError {
    List<HttpServerSpec> specs = specs(config);
    if (specs.isEmpty() && frontEnd == null) {
      return;
    }
    for (int i = 0; i < specs.size(); i++) {
      config.rpcInterfaces().forEach(r -> MainLog.info("RPC interface '" + r.name() + "' initialized"));
    }
    try {
      if (frontEnd == null) {
        // One console per front end: its live feed is shared by every listener.
        HttpOptions options = httpOptions
            .withExtraRoutes(List.of(WebConsole.create(system, api, actingAs).route()));
        frontEnd = HttpFrontEnd.bind(system, specs, actingAs, api, MAIN_LOG, options).toCompletableFuture().join();
      } else {
        frontEnd.rebind(specs).toCompletableFuture().join();
      }
    } catch (CompletionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof HttpBindException) {
        throw new StartupError(cause.getMessage());
      }
      throw new StartupError("could not open the HTTP servers: " + cause);
    }
  }

  private static List<HttpServerSpec> specs(SupervisordConfig config) {
    List<HttpServerSpec> specs = new ArrayList<>();
    for (HttpServerConfig s : config.httpServers()) {
      if (s instanceof HttpServerConfig.Inet) {
        HttpServerConfig.Inet i = (HttpServerConfig.Inet) s;
        specs.add(new HttpServerSpec.Inet(i.sectionName(), i.host(), i.port(), i.username(), i.password()));
      }
    }
    for (HttpServerConfig s : config.httpServers()) {
      if (s instanceof HttpServerConfig.Unix) {
        HttpServerConfig.Unix u = (HttpServerConfig.Unix) s;
        specs.add(new HttpServerSpec.Unix(u.sectionName(), u.file(), u.chmod(), u.chownUid(), u.chownGid(),
            u.username(), u.password()));
      }
    }
    return specs;
  }
}
