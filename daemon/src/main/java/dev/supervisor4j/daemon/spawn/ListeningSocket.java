package dev.supervisor4j.daemon.spawn;

import dev.supervisor4j.daemon.config.FcgiSocket;
import dev.supervisor4j.protocol.python.PyRepr;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Makes the listening socket of an {@code [fcgi-program:x]} as Supervisor's socket configs do: tcp
 * with {@code SO_REUSEADDR}; unix after removing whatever is at the path, then chown and chmod of the
 * socket file; then {@code listen(socket_backlog or SOMAXCONN)}. Failures carry Python's
 * {@code OSError} text ({@code [Errno 98] Address already in use}).
 *
 * <p>Design choice: raw socket(2)/bind(2) through JNA rather than a JDK channel, because the fd
 * must be handed to posix_spawn (dup2 onto the child's fd 0) and the JDK keeps its fds private.
 * The fd is close-on-exec and above 2, so only the dup2 in the child's set-up passes it on.
 */
final class ListeningSocket {
  private ListeningSocket() {}

  /** Binds and listens; the fd is the caller's to {@link #close}. */
  static int open(LibC libc, FcgiSocket config) throws IOException {
    int fd = config.isUnix() ? unix(libc, config) : tcp(libc, config);
    int backlog = config.backlog() != null ? config.backlog() : LibC.SOMAXCONN;
    if (libc.listen(fd, backlog) != 0) {
      IOException e = error(libc, LibC.errno(), null);
      closeAfterFailure(libc, fd, config);
      throw e;
    }
    if (fd <= 2) { // a daemon started with 0/1/2 closed: keep the child's dup2 onto 0 meaningful
      int moved = libc.fcntl(fd, LibC.F_DUPFD_CLOEXEC, 3);
      int errno = LibC.errno();
      libc.close(fd);
      if (moved < 0) {
        throw error(libc, errno, null);
      }
      fd = moved;
    }
    return fd;
  }

  static void close(LibC libc, int fd) {
    libc.close(fd);
  }

  private static int tcp(LibC libc, FcgiSocket config) throws IOException {
    String rest = config.url().substring("tcp://".length());
    int colon = rest.lastIndexOf(':');
    String host = rest.substring(0, colon);
    int port = Integer.parseInt(rest.substring(colon + 1));
    byte[] ip = ipv4(host);
    int fd = socket(libc, LibC.AF_INET);
    if (libc.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_REUSEADDR, new int[] {1}, 4) != 0) {
      throw failed(libc, fd, null, null);
    }
    ByteBuffer address = ByteBuffer.allocate(16);
    address.order(ByteOrder.nativeOrder()).putShort((short) LibC.AF_INET);
    address.order(ByteOrder.BIG_ENDIAN).putShort((short) port).put(ip);
    if (libc.bind(fd, address.array(), 16) != 0) {
      throw failed(libc, fd, null, null);
    }
    return fd;
  }

  /** Python's AF_INET address lookup: a dotted quad as is, else the first IPv4 address of the name. */
  private static byte[] ipv4(String host) throws IOException {
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (a instanceof Inet4Address) {
          return a.getAddress();
        }
      }
      throw new IOException("[Errno -5] No address associated with hostname");
    } catch (UnknownHostException e) {
      throw new IOException("[Errno -2] Name or service not known");
    }
  }

  private static int unix(LibC libc, FcgiSocket config) throws IOException {
    String path = config.path();
    byte[] cPath = LibC.cString(path);
    if (Files.exists(Path.of(path))) {
      libc.unlink(cPath);
    }
    byte[] utf8 = path.getBytes(StandardCharsets.UTF_8);
    if (utf8.length >= 108) {
      throw new IOException("AF_UNIX path too long");
    }
    int fd = socket(libc, LibC.AF_UNIX);
    ByteBuffer address = ByteBuffer.allocate(110).order(ByteOrder.nativeOrder());
    address.putShort((short) LibC.AF_UNIX).put(utf8);
    if (libc.bind(fd, address.array(), 110) != 0) {
      throw failed(libc, fd, config, null);
    }
    if (config.chownUid() != null
        && libc.chown(cPath, config.chownUid(), config.chownGid() == null ? -1 : config.chownGid()) != 0) {
      throw failed(libc, fd, config, "Could not change ownership of socket file: ");
    }
    if (libc.chmod(cPath, config.effectiveMode()) != 0) {
      throw failed(libc, fd, config, "Could not change permissions of socket file: ");
    }
    return fd;
  }

  private static int socket(LibC libc, int family) throws IOException {
    int fd = libc.socket(family, LibC.SOCK_STREAM | LibC.SOCK_CLOEXEC, 0);
    if (fd < 0) {
      throw error(libc, LibC.errno(), null);
    }
    return fd;
  }

  /** The error of the call that just failed; closes {@code fd} (and removes a unix socket's file). */
  private static IOException failed(LibC libc, int fd, FcgiSocket unix, String prefix) {
    int errno = LibC.errno();
    closeAfterFailure(libc, fd, unix);
    if (prefix == null) {
      return error(libc, errno, null);
    }
    return new IOException(prefix + error(libc, errno, unix.path()).getMessage());
  }

  private static void closeAfterFailure(LibC libc, int fd, FcgiSocket config) {
    libc.close(fd);
    if (config != null && config.isUnix() && Files.exists(Path.of(config.path()), LinkOption.NOFOLLOW_LINKS)) {
      libc.unlink(LibC.cString(config.path()));
    }
  }

  /** Python's OSError text: {@code [Errno 98] Address already in use}, with {@code : 'path'} for file calls. */
  private static IOException error(LibC libc, int errno, String path) {
    String text = "[Errno " + errno + "] " + libc.strerror(errno);
    return new IOException(path == null ? text : text + ": " + PyRepr.of(path));
  }
}
