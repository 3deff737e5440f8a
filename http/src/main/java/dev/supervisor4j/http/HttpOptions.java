package dev.supervisor4j.http;

import com.typesafe.config.Config;
import dev.supervisor4j.protocol.xmlrpc.XmlRpcLimits;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Tunables of the front end; {@link #defaults()} suits the daemon.
 *
 * @param idleTimeout     a connection with no request or response in progress and no bytes moving for
 *                        this long is closed. A response still streaming (a {@code /logtail} of a quiet
 *                        process) keeps its connection open however long it is silent. The default is
 *                        supervisord's 30 minutes: its clients (supervisorctl's transport,
 *                        {@code childutils.getRPCInterface} in event listeners, plain
 *                        {@code http.client}) keep a connection and never retry a request the server
 *                        closed under them, so a shorter timeout turns a quiet minute into a lost call.
 * @param readTimeout     how long reading one request body may take (408 when a client announces a
 *                        body and stalls; an exchange in progress is exempt from the idle timeout),
 *                        and the idle timeout while the front end is crowded (more than
 *                        {@link #CROWDED} connections open), so that idle connections cannot pile up
 *                        (each unix-socket connection holds a thread). Never longer than
 *                        {@code idleTimeout}.
 * @param maxRequestBytes the largest request body accepted; a longer one is read and dropped (up to
 *                        {@link #DRAIN_FACTOR} times this much) and answered 413, and its connection
 *                        closed
 * @param extraRoutes     routes tried after {@code /RPC2}, {@code /logtail} and {@code /mainlogtail}
 *                        and before the final 404, behind the same authentication (the web console
 *                        goes here). A route that does not match should reject.
 */
public record HttpOptions(Duration idleTimeout, Duration readTimeout, long maxRequestBytes,
    List<Route> extraRoutes) {
  /** Open connections above which idle ones close after {@link #readTimeout()}. */
  public static final int CROWDED = 256;
  /** A body longer than this many times the limit is not read at all: 413 at once. */
  public static final int DRAIN_FACTOR = 4;
  /** The config key of {@link #maxRequestBytes()} ({@code -Dsupervisor4j.http.max-request-bytes=32MiB}). */
  public static final String MAX_REQUEST_BYTES_KEY = "supervisor4j.http.max-request-bytes";

  public HttpOptions {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    if (idleTimeout.isNegative() || idleTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (readTimeout.compareTo(idleTimeout) > 0) {
      readTimeout = idleTimeout;
    }
    if (maxRequestBytes <= 0 || maxRequestBytes > Integer.MAX_VALUE / DRAIN_FACTOR) {
      throw new IllegalArgumentException("maxRequestBytes must be between 1 and "
          + Integer.MAX_VALUE / DRAIN_FACTOR + ": " + maxRequestBytes);
    }
    extraRoutes = List.copyOf(extraRoutes);
  }

  /**
   * 30 minutes idle, 60 s to read a body, bodies up to {@link XmlRpcLimits#REQUESTS}' 16 MiB
   * (supervisord has no limit; its clients send a 10,000-call multicall or a 9 MB argument).
   */
  public static HttpOptions defaults() {
    return new HttpOptions(Duration.ofMinutes(30), Duration.ofSeconds(60), XmlRpcLimits.REQUESTS.maxBytes(),
        List.of());
  }

  /**
   * {@link #defaults()} with the body limit from {@value #MAX_REQUEST_BYTES_KEY} (this module's
   * reference.conf; a {@code -D} system property overrides it).
   */
  public static HttpOptions fromConfig(Config config) {
    return defaults().withMaxRequestBytes(config.getBytes(MAX_REQUEST_BYTES_KEY));
  }

  /** Sets both timeouts: {@code readTimeout} becomes the smaller of it and the current one. */
  public HttpOptions withIdleTimeout(Duration timeout) {
    return new HttpOptions(timeout, readTimeout.compareTo(timeout) > 0 ? timeout : readTimeout,
        maxRequestBytes, extraRoutes);
  }

  public HttpOptions withReadTimeout(Duration timeout) {
    return new HttpOptions(idleTimeout, timeout, maxRequestBytes, extraRoutes);
  }

  public HttpOptions withMaxRequestBytes(long bytes) {
    return new HttpOptions(idleTimeout, readTimeout, bytes, extraRoutes);
  }

  public HttpOptions withExtraRoutes(List<Route> routes) {
    return new HttpOptions(idleTimeout, readTimeout, maxRequestBytes, routes);
  }
}
