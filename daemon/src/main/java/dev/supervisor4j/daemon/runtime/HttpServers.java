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

/** Opens the config's {@code [inet_http_server]}/{@code [unix_http_server]} sections, web console included. */
final class HttpServers {
  private HttpServers() {}

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
   * Binds every server, inet ones first; returns null when there are none (a daemon without HTTP
   * sections still runs, as supervisord does).
   *
   * @param httpOptions timeouts and body limit ({@link HttpOptions#fromConfig}); the console is added here
   * @param actingAs the API as one caller uses it, for XML-RPC and the web console (actions are
   *     recorded with who sent them)
   * @throws StartupError with supervisord's text when a port or socket is taken
   */
  static HttpFrontEnd open(ActorSystem<?> system, SupervisordConfig config, HttpOptions httpOptions,
      SupervisorApi api, Function<Caller, SupervisorApi> actingAs) throws StartupError {
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
    if (specs.isEmpty()) {
      return null;
    }
    for (int i = 0; i < specs.size(); i++) {
      config.rpcInterfaces().forEach(r -> MainLog.info("RPC interface '" + r.name() + "' initialized"));
    }
    try {
      // One console per front end: its live feed is shared by every listener.
      HttpOptions options = httpOptions
          .withExtraRoutes(List.of(WebConsole.create(system, api, actingAs).route()));
      return HttpFrontEnd.bind(system, specs, actingAs, api, MAIN_LOG, options).toCompletableFuture().join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof HttpBindException) {
        throw new StartupError(cause.getMessage());
      }
      throw new StartupError("could not open the HTTP servers: " + cause);
    }
  }
}
