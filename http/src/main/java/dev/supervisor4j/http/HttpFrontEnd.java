package dev.supervisor4j.http;

import dev.supervisor4j.protocol.Caller;
import dev.supervisor4j.protocol.Failures;
import dev.supervisor4j.protocol.SupervisorApi;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.javadsl.Tcp;

/**
 * supervisord's HTTP servers: every {@code [inet_http_server]} on TCP and every
 * {@code [unix_http_server]} on a unix domain socket, serving {@code /RPC2}, {@code /logtail},
 * {@code /mainlogtail} and any extra routes, each listener with its own Basic authentication.
 *
 * <pre>{@code
 * HttpFrontEnd http = HttpFrontEnd.bind(system, servers, actingAs, api, log, options)
 *     .toCompletableFuture().join();          // fails with HttpBindException
 * ...
 * http.stop();                                  // before a restart re-binds, and at shutdown
 * }</pre>
 *
 * <p>Listeners are opened one after another, TCP ones first as supervisord does; if one fails, those
 * already open are closed again and the stage fails with an {@link HttpBindException} carrying
 * supervisord's message. Nothing here blocks the caller: unix-socket work runs on the
 * {@value #IO_DISPATCHER} dispatcher (defined in this module's reference.conf).
 */
public final class HttpFrontEnd {
  /** The dispatcher for blocking unix-socket I/O. */
  public static final String IO_DISPATCHER = "supervisor4j.http.blocking-io-dispatcher";

  private final List<Tcp.ServerBinding> inet = new ArrayList<>();
  private final List<UnixListener> unix = new ArrayList<>();
  private final List<SocketAddress> addresses = new ArrayList<>();
  private final SharedKillSwitch connections = KillSwitches.shared("supervisor4j-http");
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final Executor io;
  private volatile Cancellable stopAtShutdown = Cancellable.alreadyCancelled();

  private HttpFrontEnd(Executor io) {
    this.io = io;
  }

  /** Binds with {@link HttpOptions#defaults()}. */
  public static CompletionStage<HttpFrontEnd> bind(ClassicActorSystemProvider system,
      List<? extends HttpServerSpec> servers, RpcHandler rpc, SupervisorApi api, HttpLog log) {
    return bind(system, servers, rpc, api, log, HttpOptions.defaults());
  }

  /**
   * Opens every listener and serves {@code POST /RPC2} with the protocol's XML-RPC dispatcher, each
   * request through {@code actingAs(caller)}: the API as the request's sender uses it (listener,
   * Basic-auth user, {@code SO_PEERCRED} user).
   *
   * @param actingAs the API for one caller; the daemon's records each action with who asked
   * @param api      supplies the {@code /logtail} and {@code /mainlogtail} streams
   * @see #bind(ClassicActorSystemProvider, List, RpcHandler, SupervisorApi, HttpLog, HttpOptions)
   */
  public static CompletionStage<HttpFrontEnd> bind(ClassicActorSystemProvider system,
      List<? extends HttpServerSpec> servers, java.util.function.Function<Caller, SupervisorApi> actingAs,
      SupervisorApi api, HttpLog log, HttpOptions options) {
    return bind(system, servers, new DispatchingRpcHandler(actingAs, options.maxRequestBytes()), api, log, options);
  }

  /**
   * Opens every listener and starts serving, with any {@link RpcHandler} behind {@code /RPC2} (tests
   * use one that records or fails).
   *
   * @param system  any actor system (typed or classic)
   * @param servers the listeners, in config order
   * @param rpc     answers {@code POST /RPC2}
   * @param api     supplies the {@code /logtail} and {@code /mainlogtail} streams
   * @param log     the main log (CRIT for a listener without authentication, errors) and stderr
   * @param options timeouts, body limit, extra routes
   */
  public static CompletionStage<HttpFrontEnd> bind(ClassicActorSystemProvider system,
      List<? extends HttpServerSpec> servers, RpcHandler rpc, SupervisorApi api, HttpLog log,
      HttpOptions options) {
    Materializer mat = Materializer.matFromSystem(system);
    Executor io = system.classicSystem().dispatchers().lookup(IO_DISPATCHER);
    HttpFrontEnd frontEnd = new HttpFrontEnd(io);
    ConnectionPipeline pipeline = new ConnectionPipeline(Http.get(system),
        PekkoServerSettings.create(system, options), new HttpLogAdapter(log), frontEnd.connections, options);
    RpcRoute rpcRoute = new RpcRoute(rpc, log, options.maxRequestBytes(), options.readTimeout());
    LogTailRoutes logRoutes = new LogTailRoutes(api, log);

    // Whatever happens to the caller, the socket files go when the actor system terminates.
    frontEnd.stopAtShutdown = CoordinatedShutdown.get(system).addCancellableTask(
        CoordinatedShutdown.PhaseServiceUnbind(), "supervisor4j-http-stop",
        () -> frontEnd.stop().thenApply(done -> Done.getInstance()));

    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (HttpServerSpec spec : inetFirst(servers)) {
      Route route = Routes.forListener(spec, rpcRoute, logRoutes, options.extraRoutes(), log);
      Function<HttpRequest, CompletionStage<HttpResponse>> handler = route.handler(system);
      chain = chain.thenCompose(done -> frontEnd.open(spec, handler, pipeline, system, mat, log))
          .thenRun(() -> warnIfOpen(spec, log));
    }
    return chain.handle((done, error) -> error)
        .thenCompose(error -> error == null
            ? CompletableFuture.completedFuture(frontEnd)
            : frontEnd.stop().thenApply(stoppedToo -> {
              throw new CompletionException(BindErrors.describe(Failures.unwrap(error)));
            }));
  }

  private static List<HttpServerSpec> inetFirst(List<? extends HttpServerSpec> servers) {
    List<HttpServerSpec> ordered = new ArrayList<>();
    servers.stream().filter(s -> s instanceof HttpServerSpec.Inet).forEach(ordered::add);
    servers.stream().filter(s -> s instanceof HttpServerSpec.Unix).forEach(ordered::add);
    return ordered;
  }

  private static void warnIfOpen(HttpServerSpec spec, HttpLog log) {
    if (!spec.requiresAuth()) {
      log.log(HttpLog.Level.CRITICAL,
          "Server '" + spec.sectionName() + "' running without any HTTP authentication checking");
    }
  }

  private CompletionStage<Void> open(HttpServerSpec spec, Function<HttpRequest, CompletionStage<HttpResponse>> handler,
      ConnectionPipeline pipeline, ClassicActorSystemProvider system, Materializer mat, HttpLog log) {
    if (spec instanceof HttpServerSpec.Inet tcp) {
      return InetListener.bind(system, tcp,
          remote -> pipeline.forConnection(handler, remote, CallerAttribute.tcp(remote)), mat)
          .thenAccept(binding -> {
            synchronized (this) {
              if (!stopped.get()) {
                inet.add(binding);
                addresses.add(binding.localAddress());
                return;
              }
            }
            binding.unbind(); // stop() ran while this one was opening
          });
    }
    HttpServerSpec.Unix socket = (HttpServerSpec.Unix) spec;
    return CompletableFuture.supplyAsync(() -> UnixListener.open(socket, log), io)
        .thenAccept(listener -> {
          synchronized (this) {
            if (stopped.get()) {
              listener.close(); // stop() ran while this one was opening
              return;
            }
            unix.add(listener);
            addresses.add(UnixDomainSocketAddress.of(listener.file()));
          }
          listener.acceptOn(io, channel -> UnixConnection.serve(channel,
              pipeline.forConnection(handler, Optional.empty(), CallerAttribute.unixPeer(channel)), mat, IO_DISPATCHER), log);
        });
  }

  /** The bound addresses, in binding order (TCP first): the real port where 0 was asked for. */
  public synchronized List<SocketAddress> localAddresses() {
    return List.copyOf(addresses);
  }

  /**
   * Stops accepting, ends every open connection (log tails included) and removes the socket files.
   * Safe to call more than once; also runs by itself when the actor system terminates.
   */
  public CompletionStage<Void> stop() {
    List<Tcp.ServerBinding> tcp;
    List<UnixListener> sockets;
    synchronized (this) {
      if (!stopped.compareAndSet(false, true)) {
        return CompletableFuture.completedFuture(null);
      }
      tcp = List.copyOf(inet);
      sockets = List.copyOf(unix);
    }
    stopAtShutdown.cancel();
    connections.shutdown();
    List<CompletableFuture<?>> all = new ArrayList<>();
    tcp.forEach(binding -> all.add(binding.unbind().toCompletableFuture()));
    Runnable removeSockets = () -> sockets.forEach(UnixListener::close);
    try {
      all.add(CompletableFuture.runAsync(removeSockets, io));
    } catch (RejectedExecutionException e) {
      removeSockets.run(); // the dispatcher is already shut down: a few quick file operations here
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }
}
