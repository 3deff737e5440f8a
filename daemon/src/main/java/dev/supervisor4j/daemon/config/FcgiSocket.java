package dev.supervisor4j.daemon.config;

/**
 * The socket options of an {@code [fcgi-program:x]}.
 *
 * @param url       {@code tcp://host:port} or {@code unix:///abs/path}, expanded
 * @param backlog   {@code socket_backlog}; null for the OS default
 * @param owner     {@code socket_owner} as written; null when unset
 * @param mode      {@code socket_mode}; null for the default 0700
 * @param chownUid  unix sockets: the uid the socket file is given, or null to leave it as made;
 *                  {@code socket_owner}, else the program's {@code user} when that is not the daemon's
 *                  own uid (then with that user's primary group), as Supervisor resolves it at load
 * @param chownGid  with {@code chownUid}: the gid, -1 to leave the group as made
 */
public record FcgiSocket(String url, Integer backlog, String owner, Integer mode, Integer chownUid,
    Integer chownGid) {

  /** Without an owner to set (a tcp socket, or a unix one that keeps the daemon's owner). */
  public FcgiSocket(String url, Integer backlog, String owner, Integer mode) {
    this(url, backlog, owner, mode, null, null);
  }

  public boolean isUnix() {
    return url.startsWith("unix://");
  }

  /** The unix socket's path; only for {@link #isUnix()}. */
  public String path() {
    return url.substring("unix://".length());
  }

  /** The mode the unix socket file gets: {@code socket_mode}, else 0700. */
  public int effectiveMode() {
    return mode != null ? mode : 0700;
  }
}
