package dev.supervisor4j.http;

import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * Who sent a request, as far as the server can tell, for the history of operator actions.
 *
 * @param transport how it arrived
 * @param user      the Basic-auth user when the listener checks one; on a unix socket without
 *                  authentication, the peer's user from {@code SO_PEERCRED}; else {@code ""}
 * @param address   the peer's address on TCP, {@code ""} otherwise
 */
public record Caller(Transport transport, String user, String address) {
  /** How a request reached the daemon. */
  public enum Transport {
    /** XML-RPC over a {@code [unix_http_server]} socket. */
    UNIX,
    /** XML-RPC over an {@code [inet_http_server]}. */
    TCP,
    /** The web console. */
    WEB,
    /** A signal sent to the daemon. */
    SIGNAL,
    /** Not known (a test, an in-process call). */
    UNKNOWN;

    /** The lower-case name used in the history: {@code unix}, {@code tcp}, ... */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static final Caller UNKNOWN = new Caller(Transport.UNKNOWN, "", "");

  public Caller {
    user = user == null ? "" : user;
    address = address == null ? "" : address;
  }

  /** Who sent this request (set by the listener and the auth check); {@link #UNKNOWN} if not known. */
  public static Caller of(org.apache.pekko.http.javadsl.model.HttpRequest request) {
    return CallerAttribute.of(request);
  }

  /** The same caller, authenticated as {@code user}. */
  public Caller withUser(String authenticated) {
    return new Caller(transport, authenticated, address);
  }

  /** The same caller, seen through another transport (the web console sets {@link Transport#WEB}). */
  public Caller via(Transport other) {
    return new Caller(other, user, address);
  }

  static Caller tcp(Optional<InetSocketAddress> remote) {
    return new Caller(Transport.TCP, "",
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
    return new Caller(Transport.UNIX, user, "");
  }
}
