package dev.supervisor4j.daemon.testing;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A {@code /dev/log} of the test's own, for a daemon that logs through the C library's syslog,
 * which always writes to {@code /dev/log}. The test binds a unix datagram socket in its temporary
 * directory (through JNA: Java 17's DatagramChannel has no unix sockets) and collects what arrives;
 * the daemon runs under {@link #wrapper()}: {@code unshare --mount} and a script that, in that private
 * mount namespace only, puts a copy of {@code /dev} (every entry bind-mounted) over {@code /dev}, with
 * {@code log} a link to the test's socket. The machine's own {@code /dev} and {@code /dev/log} are
 * never touched, and nothing is left mounted when the daemon's processes are gone.
 *
 * <p>Needs root and util-linux {@code unshare}; {@link #unavailableReason()} says why not.
 */
public final class PrivateDevLog implements AutoCloseable {
  private static final int AF_UNIX = 1;
  private static final int SOCK_DGRAM = 2;
  private static final int SOL_SOCKET = 1;
  private static final int SO_RCVTIMEO = 20;

  private static final String SCRIPT = String.join("\n",
      "#!/bin/sh",
      "# usage: devlog.sh SOCKET NEWDEV COMMAND... ; run only under unshare --mount",
      "set -e",
      "sock=$1; new=$2; shift 2",
      "mount --make-rprivate /",
      "mkdir -p \"$new\"",
      "for e in /dev/*; do",
      "  n=${e#/dev/}",
      "  if [ \"$n\" = log ]; then continue; fi",
      "  if [ -L \"$e\" ]; then cp -P \"$e\" \"$new/$n\"",
      "  elif [ -d \"$e\" ]; then mkdir -p \"$new/$n\"; mount --rbind \"$e\" \"$new/$n\"",
      "  else : > \"$new/$n\"; mount --bind \"$e\" \"$new/$n\"",
      "  fi",
      "done",
      "ln -s \"$sock\" \"$new/log\"",
      "mount --rbind \"$new\" /dev",
      "exec \"$@\"",
      "");

  /** The calls of a datagram receiver. */
  interface Sockets extends Library {
    int socket(int domain, int type, int protocol);

    int bind(int fd, byte[] address, int length);

    int setsockopt(int fd, int level, int name, long[] value, int length);

    long recv(int fd, byte[] buf, long length, int flags);

    int close(int fd);
  }

  private static final class Holder {
    static final Sockets C = Native.load("c", Sockets.class);

    private Holder() {}
  }

  private final Path socket;
  private final Path script;
  private final Path newDev;
  private final int fd;
  private final Thread reader;
  private final List<String> received = new ArrayList<>();
  private volatile boolean closed;

  private PrivateDevLog(Path dir) throws IOException {
    this.socket = dir.resolve("log.sock").toAbsolutePath();
    this.script = dir.resolve("devlog.sh");
    this.newDev = dir.resolve("dev").toAbsolutePath();
    Files.writeString(script, SCRIPT);
    byte[] path = socket.toString().getBytes(StandardCharsets.UTF_8);
    if (path.length >= 108) {
      throw new IOException("socket path too long for sockaddr_un: " + socket);
    }
    byte[] address = new byte[2 + 108];
    ByteBuffer.wrap(address).order(ByteOrder.nativeOrder()).putShort((short) AF_UNIX);
    System.arraycopy(path, 0, address, 2, path.length);
    fd = Holder.C.socket(AF_UNIX, SOCK_DGRAM, 0);
    if (fd < 0 || Holder.C.bind(fd, address, 2 + path.length + 1) != 0
        || Holder.C.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, new long[] {0, 100_000}, 16) != 0) {
      int errno = Native.getLastError();
      if (fd >= 0) {
        Holder.C.close(fd);
      }
      throw new IOException("cannot bind a unix datagram socket at " + socket + ": errno " + errno);
    }
    reader = new Thread(this::receive, "dev-log-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Binds {@code dir/log.sock} and starts collecting what arrives there. */
  public static PrivateDevLog open(Path dir) throws IOException {
    return new PrivateDevLog(dir);
  }

  /** Null when the daemon can be given a private /dev/log here, otherwise why not. */
  public static String unavailableReason() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return "needs root to mount a private /dev/log (unshare --mount)";
    }
    try {
      Process p = new ProcessBuilder("unshare", "--mount", "true").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return "unshare --mount does not work here: " + out.strip();
      }
      return null;
    } catch (IOException e) {
      return "needs util-linux unshare: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** The command prefix that runs a program with this socket as its /dev/log. */
  public List<String> wrapper() {
    return List.of("unshare", "--mount", "sh", script.toString(), socket.toString(), newDev.toString());
  }

  /** Every datagram received so far, in order, decoded as UTF-8. */
  public synchronized List<String> messages() {
    return List.copyOf(received);
  }

  /** Waits until the messages satisfy {@code test}; fails with what arrived if they never do. */
  public List<String> await(Predicate<List<String>> test, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<String> now = messages();
      if (test.test(now)) {
        return now;
      }
      DaemonProcess.sleep(50);
    }
    throw new AssertionError("timed out waiting for " + what + "; received:\n" + String.join("|\n", messages()));
  }

  private void receive() {
    byte[] buf = new byte[65536];
    while (!closed) {
      long n = Holder.C.recv(fd, buf, buf.length, 0);
      if (n > 0) {
        String message = new String(buf, 0, (int) n, StandardCharsets.UTF_8);
        synchronized (this) {
          received.add(message);
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    try {
      reader.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Holder.C.close(fd);
    Files.deleteIfExists(socket);
    if (Files.isDirectory(newDev)) { // seen from here, the copy of /dev is empty files, dirs and links
      try (var walk = Files.walk(newDev)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
