package dev.supervisor4j.protocol;

/**
 * Who sent a request, as far as the server can tell, for the history of operator actions. The HTTP
 * layer finds it out (listener, Basic auth, {@code SO_PEERCRED}); the daemon records it.
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

  /** The same caller, authenticated as {@code user}. */
  public Caller withUser(String authenticated) {
    return new Caller(transport, authenticated, address);
  }

  /** The same caller, seen through another transport (the web console sets {@link Transport#WEB}). */
  public Caller via(Transport other) {
    return new Caller(other, user, address);
  }
}
