package dev.supervisor4j.daemon.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One {@code [unix_http_server*]} or {@code [inet_http_server*]} section.
 *
 * @param sectionName the section name as written (used in the "running without any HTTP
 *                    authentication checking" line)
 * @param username    null when there is no authentication
 * @param password    plain text, or {@code {SHA}} + lower-case hex SHA-1; null with no auth
 */
public sealed interface HttpServerConfig {
  String sectionName();

  String username();

  String password();

  /**
   * Supervisor's check of HTTP Basic credentials: true when the section has no authentication, or
   * the user matches and the password does. A stored {@code {SHA}} password is compared, as text,
   * with the lower-case hex SHA-1 of the UTF-8 password given.
   */
  default boolean authorizes(String user, String pass) {
    if (username() == null) {
      return true;
    }
    if (!username().equals(user) || pass == null) {
      return false;
    }
    String stored = password();
    if (stored.startsWith("{SHA}")) {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-1")
            .digest(pass.getBytes(StandardCharsets.UTF_8));
        return stored.substring(5).equals(HexFormat.of().formatHex(digest));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-1 is required of every Java platform", e);
      }
    }
    return stored.equals(pass);
  }

  /**
   * @param file  the socket path, absolute
   * @param chmod the socket file mode (default 0700)
   * @param chownUid  uid to chown to, or -1 to leave unchanged
   * @param chownGid  gid to chown to, or -1 to leave unchanged
   */
  record Unix(String sectionName, Path file, int chmod, int chownUid, int chownGid,
      String username, String password) implements HttpServerConfig {}

  /**
   * @param host the host to bind, lower-cased; empty means all interfaces
   * @param port 1..65535
   */
  record Inet(String sectionName, String host, int port, String username, String password)
      implements HttpServerConfig {}
}
