package dev.supervisor4j.http;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A {@code [unix_http_server]} socket file: opened the way supervisord opens it, accepted from on a
 * blocking loop, removed again on close. Every method here blocks, so callers run it on the front
 * end's I/O dispatcher.
 *
 * <p>Opening: bind to {@code <file>.<pid>}, chmod that, then hard-link it to {@code <file>}. The link
 * either appears with its final mode or fails because the path exists, so the socket is never
 * reachable at its real path with the umask's mode. If the path exists, a connect probe tells a live
 * server (an error) from a stale file left by a crash (removed, noted on stderr, linked again).
 */
final class UnixListener {
  private static final int BACKLOG = 1024;
  private static final int LINK_ATTEMPTS = 3;

  private final ServerSocketChannel server;
  private final Path file;
  private final Object fileKey;

  private UnixListener(ServerSocketChannel server, Path file, Object fileKey) {
    this.server = server;
    this.file = file;
    this.fileKey = fileKey;
  }

  Path file() {
    return file;
  }

  static UnixListener open(HttpServerSpec.Unix spec, HttpLog log) {
    Path file = spec.file();
    Path temp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid());
    ServerSocketChannel server = null;
    boolean linked = false;
    try {
      Files.deleteIfExists(temp);
      server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(temp), BACKLOG);
      Files.setPosixFilePermissions(temp, permissions(spec.chmod()));
      String owner = Files.getOwner(temp).getName();
      linkInPlace(temp, file, log);
      linked = true;
      chown(file, spec.chownUid(), spec.chownGid(), owner);
      Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
      return new UnixListener(server, file, key);
    } catch (IOException | RuntimeException e) {
      closeQuietly(server);
      if (linked) {
        deleteQuietly(file);
      }
      throw BindErrors.describe(e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private static void linkInPlace(Path temp, Path file, HttpLog log) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        Files.createLink(file, temp);
        return;
      } catch (FileAlreadyExistsException e) {
        if (isLive(file)) {
          throw new HttpBindException(BindErrors.IN_USE, e);
        }
        if (attempt == LINK_ATTEMPTS) {
          throw e; // something keeps putting a file there; supervisord would loop forever
        }
        log.stderr("Unlinking stale socket " + file);
        Files.deleteIfExists(file);
      }
    }
  }

  /** supervisord's test: something accepts connections there. */
  private static boolean isLive(Path file) {
    try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      probe.connect(UnixDomainSocketAddress.of(file));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void chown(Path file, int uid, int gid, String owner) throws IOException {
    if (uid == -1 && gid == -1) {
      return;
    }
    try {
      if (uid != -1) {
        Files.setAttribute(file, "unix:uid", uid);
      }
      if (gid != -1) {
        Files.setAttribute(file, "unix:gid", gid);
      }
    } catch (FileSystemException e) {
      if (Objects.toString(e.getReason(), "").contains("Operation not permitted")) {
        throw new HttpBindException("Not permitted to chown " + file + " to uid/gid (" + uid + ", "
            + gid + "); adjust \"sockchown\" value in config file or on command line to values that "
            + "the current user (" + owner + ") can successfully chown", e);
      }
      throw e;
    }
  }

  /** The permission bits of a mode such as 0700; the setuid/setgid/sticky bits mean nothing here. */
  static Set<PosixFilePermission> permissions(int mode) {
    PosixFilePermission[] bits = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (1 << i)) != 0) {
        set.add(bits[i]);
      }
    }
    return set;
  }

  /**
   * Accepts connections until {@link #close()}, on one thread of {@code io} (it blocks in accept).
   * A failing accept (out of file descriptors) is logged and retried after a pause, not spun on.
   */
  void acceptOn(Executor io, Consumer<SocketChannel> serve, HttpLog log) {
    io.execute(() -> {
      while (server.isOpen()) {
        SocketChannel channel;
        try {
          channel = server.accept();
        } catch (ClosedChannelException e) {
          return;
        } catch (IOException e) {
          if (!server.isOpen()) {
            return;
          }
          log.log(HttpLog.Level.ERROR, "Error accepting on " + file + ": " + e.getMessage());
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
          continue;
        }
        try {
          serve.accept(channel);
        } catch (RuntimeException e) {
          log.log(HttpLog.Level.ERROR, "Error serving a connection on " + file + ": " + e);
          closeQuietly(channel);
        }
      }
    });
  }

  /** Stops accepting and removes the socket file, unless it has been replaced by another one. */
  void close() {
    closeQuietly(server);
    try {
      Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
      if (Objects.equals(key, fileKey)) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // already gone, or not ours to remove
    }
  }

  private static void closeQuietly(java.nio.channels.Channel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // nothing more to do with it
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // best effort: a leftover temp name is removed by the next start
    }
  }
}
