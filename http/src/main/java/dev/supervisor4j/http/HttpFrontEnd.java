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
import java.util.concurrent.atomic.AtomicReference;
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
 * http.rebind(next).toCompletableFuture().join(); // at a restart: changed listeners only
 * http.stop();                                  // at shutdown
 * }</pre>
 *
 * <p>Listeners are opened one after another, TCP ones first as supervisord does; if one fails, those
 * already open are closed again and the stage fails with an {@link HttpBindException} carrying
 * supervisord's message. {@link #rebind} keeps a listener whose socket is unchanged (the same bound
 * socket, its connections open, the new credentials in force for the next request) and closes and
 * opens the others. Nothing here blocks the caller: unix-socket work runs on the
 * {@value #IO_DISPATCHER} dispatcher (defined in this module's reference.conf).
 */
public final class HttpFrontEnd {
  /** The dispatcher for blocking unix-socket I/O. */
  public static final String IO_DISPATCHER = "supervisor4j.http.blocking-io-dispatcher";

  /** Open listeners, TCP ones first, each in binding order. */
  private final List<Listener> listeners = new ArrayList<>();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final ClassicActorSystemProvider system;
  private final Materializer mat;
  private final Executor io;
  private final ConnectionPipeline pipeline;
  private final RpcRoute rpcRoute;
  private final LogTailRoutes logRoutes;
  private final HttpOptions options;
  private final HttpLog log;
  private volatile Cancellable stopAtShutdown = Cancellable.alreadyCancelled();

  /** One open listener: its socket, its connections, and the route it serves now. */
  private static final class Listener {
    volatile HttpServerSpec spec;
    final AtomicReference<Function<HttpRequest, CompletionStage<HttpResponse>>> handler;
    final SharedKillSwitch connections;
    Tcp.ServerBinding binding;
    UnixListener socket;
    SocketAddress address;

    Listener(HttpServerSpec spec, Function<HttpRequest, CompletionStage<HttpResponse>> handler) {
      this.spec = spec;
      this.handler = new AtomicReference<>(handler);
      this.connections = KillSwitches.shared("supervisor4j-http-" + spec.sectionName());
    }

    /** What the connections call: the route of the listener's current spec. */
    Function<HttpRequest, CompletionStage<HttpResponse>> current() {
      return request -> handler.get().apply(request);
    }
  }

  private HttpFrontEnd(ClassicActorSystemProvider system, RpcHandler rpc, SupervisorApi api, HttpLog log,
      HttpOptions options) {
    this.system = system;
    this.mat = Materializer.matFromSystem(system);
    this.io = system.classicSystem().dispatchers().lookup(IO_DISPATCHER);
    this.pipeline = new ConnectionPipeline(Http.get(system), PekkoServerSettings.create(system, options),
        new HttpLogAdapter(log), options);
    this.rpcRoute = new RpcRoute(rpc, log, options.maxRequestBytes(), options.readTimeout());
    this.logRoutes = new LogTailRoutes(api, log);
    this.options = options;
    this.log = log;
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
    HttpFrontEnd frontEnd = new HttpFrontEnd(system, rpc, api, log, options);
    // Whatever happens to the caller, the socket files go when the actor system terminates.
    frontEnd.stopAtShutdown = CoordinatedShutdown.get(system).addCancellableTask(
        CoordinatedShutdown.PhaseServiceUnbind(), "supervisor4j-http-stop",
        () -> frontEnd.stop().thenApply(done -> Done.getInstance()));
    return frontEnd.openAll(inetFirst(servers), List.of()).thenApply(done -> frontEnd);
  }

  /**
   * A restart's listeners: a listener whose socket is the same ({@link HttpServerSpec#sameSocketAs})
   * stays open with its connections, serving the new spec's credentials from the next request on;
   * the others are closed first (their connections end, their socket files go), then the new ones
   * are opened, TCP first, as at start. If one cannot be opened, every listener is closed and the
   * stage fails with an {@link HttpBindException}, as {@link #bind} does.
   */
  public CompletionStage<Void> rebind(List<? extends HttpServerSpec> servers) {
    List<HttpServerSpec> next = inetFirst(servers);
    List<Listener> kept = new ArrayList<>();
    List<Listener> gone = new ArrayList<>();
    synchronized (this) {
      if (stopped.get()) {
        return CompletableFuture.failedFuture(new IllegalStateException("the HTTP servers are stopped"));
      }
      List<Listener> candidates = new ArrayList<>(listeners);
      for (HttpServerSpec spec : next) {
        Listener same = candidates.stream().filter(l -> l.spec.sameSocketAs(spec)).findFirst().orElse(null);
        candidates.remove(same);
        kept.add(same); // null: to open
      }
      gone.addAll(candidates);
      listeners.removeAll(gone);
    }
    List<CompletableFuture<?>> closing = new ArrayList<>();
    gone.forEach(l -> closing.add(close(l)));
    return CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
        .thenCompose(done -> openAll(next, kept));
  }

  /**
   * Opens {@code specs} one after another; where {@code kept} has a listener at the same index, that
   * one takes the spec instead of a new socket. On failure stops everything and fails.
   */
  private CompletionStage<Void> openAll(List<HttpServerSpec> specs, List<Listener> kept) {
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (int i = 0; i < specs.size(); i++) {
      HttpServerSpec spec = specs.get(i);
      Listener same = i < kept.size() ? kept.get(i) : null;
      Function<HttpRequest, CompletionStage<HttpResponse>> handler =
          Routes.forListener(spec, rpcRoute, logRoutes, options.extraRoutes(), log).handler(system);
      if (same != null) {
        chain = chain.thenRun(() -> {
          same.spec = spec;
          same.handler.set(handler);
        });
      } else {
        chain = chain.thenCompose(done -> open(new Listener(spec, handler)));
      }
      chain = chain.thenRun(() -> warnIfOpen(spec, log));
    }
    return chain.thenRun(this::order)
        .handle((done, error) -> error)
        .thenCompose(error -> error == null
            ? CompletableFuture.completedFuture(null)
            : stop().thenApply(stoppedToo -> {
              throw new CompletionException(BindErrors.describe(Failures.unwrap(error)));
            }));
  }

  /** TCP listeners before unix ones, each kind in binding order, as supervisord lists them. */
  private synchronized void order() {
    List<Listener> ordered = new ArrayList<>();
    listeners.stream().filter(l -> l.spec instanceof HttpServerSpec.Inet).forEach(ordered::add);
    listeners.stream().filter(l -> l.spec instanceof HttpServerSpec.Unix).forEach(ordered::add);
    listeners.clear();
    listeners.addAll(ordered);
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

  private CompletionStage<Void> open(Listener listener) {
    if (listener.spec instanceof HttpServerSpec.Inet tcp) {
      return InetListener.bind(system, tcp, remote -> pipeline.forConnection(listener.current(), remote,
              CallerAttribute.tcp(remote), listener.connections), mat)
          .thenAccept(binding -> {
            listener.binding = binding;
            listener.address = binding.localAddress();
            // port 0 (tests): the port bound is the one a restart compares with
            listener.spec = new HttpServerSpec.Inet(tcp.sectionName(), tcp.host(), binding.localAddress().getPort(),
                tcp.username(), tcp.password());
            added(listener);
          });
    }
    HttpServerSpec.Unix socket = (HttpServerSpec.Unix) listener.spec;
    return CompletableFuture.supplyAsync(() -> UnixListener.open(socket, log), io)
        .thenAccept(opened -> {
          listener.socket = opened;
          listener.address = UnixDomainSocketAddress.of(opened.file());
          if (added(listener)) {
            opened.acceptOn(io, channel -> UnixConnection.serve(channel, pipeline.forConnection(listener.current(),
                Optional.empty(), CallerAttribute.unixPeer(channel), listener.connections), mat, IO_DISPATCHER), log);
          }
        });
  }

  /** Adds a listener just opened; closes it again if stop() ran while it was opening. */
  private boolean added(Listener listener) {
    synchronized (this) {
      if (!stopped.get()) {
        listeners.add(listener);
        return true;
      }
    }
    close(listener);
    return false;
  }

  /** Stops accepting, ends the listener's connections and removes its socket file. */
  private CompletableFuture<Void> close(Listener listener) {
    listener.connections.shutdown();
    if (listener.binding != null) {
      return listener.binding.unbind().toCompletableFuture().thenApply(done -> null);
    }
    if (listener.socket == null) {
      return CompletableFuture.completedFuture(null);
    }
    Runnable remove = listener.socket::close;
    try {
      return CompletableFuture.runAsync(remove, io);
    } catch (RejectedExecutionException e) {
      remove.run(); // the dispatcher is already shut down: a few quick file operations here
      return CompletableFuture.completedFuture(null);
    }
  }

  /** The bound addresses, in binding order (TCP first): the real port where 0 was asked for. */
  public synchronized List<SocketAddress> localAddresses() {
    return listeners.stream().map(l -> l.address).toList();
  }

  /**
   * Stops accepting, ends every open connection (log tails included) and removes the socket files.
   * Safe to call more than once; also runs by itself when the actor system terminates.
   */
  public CompletionStage<Void> stop() {
    List<Listener> all;
    synchronized (this) {
      if (!stopped.compareAndSet(false, true)) {
        return CompletableFuture.completedFuture(null);
      }
      all = List.copyOf(listeners);
      listeners.clear();
    }
    stopAtShutdown.cancel();
    return CompletableFuture.allOf(all.stream().map(this::close).toArray(CompletableFuture[]::new));
  }
}
