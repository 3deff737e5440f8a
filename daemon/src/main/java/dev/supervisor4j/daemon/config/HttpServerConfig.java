package dev.supervisor4j.daemon.config;

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
   * @param file  the socket path, absolute
   * @param chmod the socket file mode (default 0700)
   * @param chownUid  uid to chown to, or -1 to leave unchanged
   * @param chownGid  gid to chown to, or -1 to leave unchanged
   */
  record Unix(String sectionName, java.nio.file.Path file, int chmod, int chownUid, int chownGid,
      String username, String password) implements HttpServerConfig {}

  /**
   * @param host the host to bind, lower-cased; empty means all interfaces
   * @param port 1..65535
   */
  record Inet(String sectionName, String host, int port, String username, String password)
      implements HttpServerConfig {}
}
