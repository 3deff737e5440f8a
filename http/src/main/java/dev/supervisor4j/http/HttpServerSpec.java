package dev.supervisor4j.http;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One listener to bind: an {@code [inet_http_server]} or {@code [unix_http_server]} section, already
 * validated by the config loader. The fields mirror the daemon's {@code HttpServerConfig}, so the
 * daemon converts one into the other field by field.
 *
 * <p>Authentication is on exactly when {@link #username()} is non-empty, as in supervisord; the
 * password is then plain text or {@code {SHA}} followed by the lower-case hex SHA-1 of the password.
 */
public sealed interface HttpServerSpec {
  /** The section name as written, e.g. {@code inet_http_server}; used in log lines. */
  String sectionName();

  /** Null or empty: no authentication on this listener. */
  String username();

  /** Plain text or {@code {SHA}<hex>}; ignored without a username. */
  String password();

  /** True when requests must carry matching Basic credentials. */
  default boolean requiresAuth() {
    return username() != null && !username().isEmpty();
  }

  /**
   * True when {@code other} listens on the same socket, made the same way: then a restart keeps the
   * bound socket and only the credentials (and section name) are taken from {@code other}.
   */
  boolean sameSocketAs(HttpServerSpec other);

  /**
   * A TCP listener.
   *
   * @param host the interface to bind; empty means all IPv4 interfaces, as supervisord's
   *             {@code port = :9001} / {@code *:9001}
   * @param port 0..65535; 0 picks a free port (tests)
   */
  record Inet(String sectionName, String host, int port, String username, String password)
      implements HttpServerSpec {
    public Inet {
      Objects.requireNonNull(sectionName, "sectionName");
      Objects.requireNonNull(host, "host");
    }

    @Override
    public boolean sameSocketAs(HttpServerSpec other) {
      return other instanceof Inet i && host.equals(i.host) && port == i.port;
    }
  }

  /**
   * A unix domain socket listener.
   *
   * @param file     the socket path, absolute
   * @param chmod    the socket file mode, e.g. {@code 0700} (supervisord's default)
   * @param chownUid uid to give the socket file, or -1 to leave it unchanged
   * @param chownGid gid to give the socket file, or -1 to leave it unchanged
   */
  record Unix(String sectionName, Path file, int chmod, int chownUid, int chownGid, String username,
      String password) implements HttpServerSpec {
    public Unix {
      Objects.requireNonNull(sectionName, "sectionName");
      Objects.requireNonNull(file, "file");
    }

    @Override
    public boolean sameSocketAs(HttpServerSpec other) {
      return other instanceof Unix u && file.equals(u.file) && chmod == u.chmod && chownUid == u.chownUid
          && chownGid == u.chownGid;
    }
  }
}
