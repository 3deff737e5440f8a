package dev.supervisor4j.http;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Tunables of the front end; {@link #defaults()} suits the daemon.
 *
 * @param idleTimeout     a connection with no request or response in progress and no bytes moving for
 *                        this long is closed. A response still streaming (a {@code /logtail} of a quiet
 *                        process) keeps its connection open however long it is silent. supervisord
 *                        culls only connections unused for 30 minutes; clients reconnect per call
 *                        anyway, and each open unix-socket connection holds a thread here, so the
 *                        default is Pekko's 60 s. It also bounds reading one request body
 *                        (408 when a client announces a body and stalls), since an exchange in
 *                        progress is exempt from the idle timeout.
 * @param maxRequestBytes the largest request body accepted (413 beyond it)
 * @param extraRoutes     routes tried after {@code /RPC2}, {@code /logtail} and {@code /mainlogtail}
 *                        and before the final 404, behind the same authentication (the web console
 *                        goes here). A route that does not match should reject.
 */
public record HttpOptions(Duration idleTimeout, long maxRequestBytes, List<Route> extraRoutes) {
  public HttpOptions {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive");
    }
    if (maxRequestBytes <= 0) {
      throw new IllegalArgumentException("maxRequestBytes must be positive");
    }
    extraRoutes = List.copyOf(extraRoutes);
  }

  public static HttpOptions defaults() {
    return new HttpOptions(Duration.ofSeconds(60), 8L * 1024 * 1024, List.of());
  }

  public HttpOptions withIdleTimeout(Duration timeout) {
    return new HttpOptions(timeout, maxRequestBytes, extraRoutes);
  }

  public HttpOptions withMaxRequestBytes(long bytes) {
    return new HttpOptions(idleTimeout, bytes, extraRoutes);
  }

  public HttpOptions withExtraRoutes(List<Route> routes) {
    return new HttpOptions(idleTimeout, maxRequestBytes, routes);
  }
}
