package dev.supervisor4j.http;

import dev.supervisor4j.protocol.Caller;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.AttributeKey;
import org.apache.pekko.http.javadsl.model.HttpRequest;

/**
 * Carries the {@link Caller} on each request, from the connection and the auth check to the routes;
 * finds out who is on the other end of a connection.
 */
public final class CallerAttribute {
  private CallerAttribute() {}

  static final AttributeKey<Caller> KEY = AttributeKey.create("supervisor4j-caller", Caller.class);

  /** Who sent this request (set by the listener and the auth check); {@link Caller#UNKNOWN} if not known. */
  public static Caller of(HttpRequest request) {
    return request.getAttribute(KEY).orElse(Caller.UNKNOWN);
  }

  static HttpRequest with(HttpRequest request, Caller caller) {
    return request.addAttribute(KEY, caller);
  }

  static Caller tcp(Optional<InetSocketAddress> remote) {
    return new Caller(Caller.Transport.TCP, "",
        remote.map(a -> a.getAddress().getHostAddress() + ":" + a.getPort()).orElse(""));
  }

  /** The peer's user name from {@code SO_PEERCRED}; {@code ""} when the platform cannot tell. */
  static Caller unixPeer(SocketChannel channel) {
    String user = "";
    try {
      user = channel.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED).user().getName();
    } catch (java.io.IOException | UnsupportedOperationException e) {
      // not Linux or not a unix socket: the action is recorded without a user
    }
    return new Caller(Caller.Transport.UNIX, user, "");
  }
}
