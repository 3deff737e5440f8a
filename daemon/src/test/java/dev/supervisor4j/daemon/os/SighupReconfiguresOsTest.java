package dev.supervisor4j.daemon.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.compat.RealSupervisorPorts;
import dev.supervisor4j.daemon.testing.DaemonProcess;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.HistoryEntry;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.SupervisorFault;
import dev.supervisor4j.protocol.xmlrpc.XmlRpcClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SIGHUP restart re-reads the HTTP server sections and {@code [history]}: a changed listener moves,
 * an unchanged one keeps its socket and its connections (credentials renewed), a port that cannot be
 * bound ends the daemon as at start (and as Supervisor 4.2.5 does); history is switched off and on,
 * and {@code remember_stopped} applies to the restart's autostart.
 */
@Tag("os")
class SighupReconfiguresOsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String IN_USE = "Error: Another program is already listening on a port that one of our "
      + "HTTP servers is configured to use.  Shut this program down first before starting supervisord.";

  @TempDir Path dir;

  private static String config(int port, String inetExtra, String history) {
    return LifecycleOsTest.header()
        + "[unix_http_server]\nfile=%(here)s/s.sock\n"
        + "[inet_http_server]\nport=127.0.0.1:" + port + "\n" + inetExtra
        + "[program:keep]\ncommand=sleep 1000\nstartsecs=0\n"
        + "[program:other]\ncommand=sleep 1000\nstartsecs=0\n"
        + "[history]\n" + history;
  }

  private void rewrite(String conf) throws IOException {
    Files.writeString(dir.resolve("supervisord.conf"), conf);
  }

  /**
   * SIGHUP, then waits for the restart to be done: {@code n} starts in all, and {@code program}
   * RUNNING {@code times} times in all.
   */
  private static String hup(DaemonProcess d, int n, String program, int times) throws Exception {
    d.signal("HUP");
    return d.awaitLog(l -> DaemonProcess.count(l, "supervisord started with pid") >= n
        && DaemonProcess.count(l, "success: " + program + " entered RUNNING state") >= times, WAIT,
        "restart number " + (n - 1));
  }

  // ---- HTTP ------------------------------------------------------------------------------------

  /** One raw HTTP exchange on an open connection; the status code and body. */
  record Reply(int status, String body) {}

  static Reply exchange(SocketChannel ch, String auth, boolean close, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml\r\n"
        + (close ? "Connection: close\r\n" : "")
        + (auth == null ? "" : "Authorization: Basic "
            + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)) + "\r\n")
        + "Content-Length: " + bytes.length + "\r\n\r\n";
    ch.write(ByteBuffer.wrap((head + body).getBytes(StandardCharsets.UTF_8)));
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    ByteBuffer buf = ByteBuffer.allocate(65536);
    while (true) {
      String text = in.toString(StandardCharsets.ISO_8859_1);
      int split = text.indexOf("\r\n\r\n");
      if (split >= 0) {
        String h = text.substring(0, split);
        int length = h.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
            .mapToInt(l -> Integer.parseInt(l.substring(15).strip())).findFirst().orElse(0);
        if (in.size() >= split + 4 + length) {
          return new Reply(Integer.parseInt(h.split(" ")[1]),
              new String(in.toByteArray(), split + 4, length, StandardCharsets.UTF_8));
        }
      }
      buf.clear();
      if (ch.read(buf) < 0) {
        throw new IOException("closed by the server after: " + text);
      }
      in.write(buf.array(), 0, buf.position());
    }
  }

  static final String GET_STATE = "<?xml version='1.0'?>\n<methodCall>\n<methodName>supervisor.getState"
      + "</methodName>\n<params>\n</params>\n</methodCall>\n";

  static int getState(SocketAddress at, String auth) throws IOException {
    try (SocketChannel ch = SocketChannel.open(at)) {
      return exchange(ch, auth, true, GET_STATE).status();
    }
  }

  /** The inode of the socket listening on {@code port} (from /proc/net/tcp). */
  static String listeningInode(int port) throws IOException {
    String hexPort = String.format(":%04X", port);
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Path.of("/proc/net/tcp")));
    Path v6 = Path.of("/proc/net/tcp6"); // a JVM binds 127.0.0.1 on a dual-stack socket
    if (Files.exists(v6)) {
      lines.addAll(Files.readAllLines(v6));
    }
    return lines.stream().map(l -> l.trim().split("\\s+"))
        .filter(f -> f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A")).map(f -> f[9]).findFirst()
        .orElseThrow(() -> new AssertionError("nothing listens on " + port));
  }

  /** True when the daemon holds a socket with this inode among its file descriptors. */
  static boolean holdsSocket(long pid, String inode) throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
      return fds.anyMatch(fd -> {
        try {
          return Files.readSymbolicLink(fd).toString().equals("socket:[" + inode + "]");
        } catch (IOException e) {
          return false;
        }
      });
    }
  }

  @Test
  void aChangedPortServesOnTheNewPortAndNoLongerOnTheOld() throws Exception {
    int before = RealSupervisorPorts.free();
    int after = RealSupervisorPorts.free();
    String conf = config(before, "", "enabled=false\n");
    try (DaemonProcess d = DaemonProcess.start(dir, conf)) {
      d.awaitLogContains("success: other entered RUNNING state", WAIT);
      assertEquals(200, getState(new InetSocketAddress("127.0.0.1", before), null));
      rewrite(config(after, "", "enabled=false\n"));
      hup(d, 2, "other", 2);
      assertEquals(200, getState(new InetSocketAddress("127.0.0.1", after), null));
      assertThrows(ConnectException.class, () -> getState(new InetSocketAddress("127.0.0.1", before), null));
      assertEquals(200, getState(UnixDomainSocketAddress.of(dir.resolve("s.sock")), null));
    }
  }

  @Test
  void unchangedSocketsAndTheirConnectionsSurviveAndNewCredentialsApply() throws Exception {
    int port = RealSupervisorPorts.free();
    String conf = config(port, "username=alice\npassword=old\n", "enabled=false\n");
    try (DaemonProcess d = DaemonProcess.start(dir, conf)) {
      d.awaitLogContains("success: other entered RUNNING state", WAIT);
      String inode = listeningInode(port);
      Path sock = dir.resolve("s.sock");
      Object sockInode = Files.getAttribute(sock, "unix:ino");
      try (SocketChannel kept = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
          SocketChannel keptUnix = SocketChannel.open(UnixDomainSocketAddress.of(sock))) {
        assertEquals(200, exchange(kept, "alice:old", false, GET_STATE).status());
        assertEquals(200, exchange(keptUnix, null, false, GET_STATE).status());

        // only a program changes: everything stays as it is
        rewrite(conf + "[program:third]\ncommand=sleep 1000\nstartsecs=0\n");
        hup(d, 2, "third", 1);
        assertEquals(200, exchange(kept, "alice:old", false, GET_STATE).status());
        assertEquals(200, exchange(keptUnix, null, false, GET_STATE).status());

        // a new password on the same port: the same socket, the same connection, the new password
        rewrite(config(port, "username=alice\npassword=new\n", "enabled=false\n"));
        hup(d, 3, "other", 3);
        assertEquals(200, exchange(kept, "alice:new", false, GET_STATE).status());
        assertEquals(200, exchange(keptUnix, null, false, GET_STATE).status());
      }
      assertEquals(inode, listeningInode(port));
      assertTrue(holdsSocket(d.pid(), inode), "the daemon still holds the listening socket " + inode);
      assertEquals(sockInode, Files.getAttribute(sock, "unix:ino"));
      assertEquals(401, getState(new InetSocketAddress("127.0.0.1", port), "alice:old"));
      assertEquals(200, getState(new InetSocketAddress("127.0.0.1", port), "alice:new"));
    }
  }

  /** Our daemon, then Supervisor 4.2.5: a SIGHUP onto a port another program holds. */
  @Test
  void aNewPortThatIsTakenEndsTheDaemonAsAtStartAndAsSupervisorDoes() throws Exception {
    int before = RealSupervisorPorts.free();
    try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int taken = other.getLocalPort();
      String conf = config(before, "", "enabled=false\n");
      try (DaemonProcess d = DaemonProcess.start(dir, conf)) {
        String log = d.awaitLogContains("success: other entered RUNNING state", WAIT);
        long child = LifecycleOsTest.pidOf(log, "other");
        rewrite(config(taken, "", "enabled=false\n"));
        d.signal("HUP");
        assertEquals(2, d.awaitExit(WAIT));
        // the same two lines as at start
        assertEquals(IN_USE + "\nFor help, use supervisord -h\n", d.stderr());
        assertFalse(Files.exists(dir.resolve("s.sock")), "socket file removed");
        assertFalse(Files.exists(dir.resolve("supervisord.pid")), "pidfile removed");
        assertTrue(ProcFs.all().stream().noneMatch(s -> s.pid() == child && s.state() != 'Z'), "child gone");
        assertThrows(ConnectException.class, () -> getState(new InetSocketAddress("127.0.0.1", before), null));
        assertEquals(1, DaemonProcess.count(d.mainLog(), "supervisord started with pid"), d.mainLog());
        assertTrue(d.mainLog().contains("CRIT " + IN_USE), d.mainLog());

        // and at start: the same lines, the same status
        Files.delete(dir.resolve("stderr.txt"));
        try (DaemonProcess again = DaemonProcess.start(dir, config(taken, "", "enabled=false\n"))) {
          assertEquals(2, again.awaitExit(WAIT));
          assertEquals(IN_USE + "\nFor help, use supervisord -h\n", again.stderr());
        }
      }

      Path supervisord = Path.of("/usr/bin/supervisord");
      if (Files.isExecutable(supervisord)) {
        Path theirs = Files.createDirectory(dir.resolve("theirs"));
        Files.writeString(theirs.resolve("supervisord.conf"), config(before, "", "enabled=false\n"));
        Process p = new ProcessBuilder(supervisord.toString(), "-c", theirs.resolve("supervisord.conf").toString())
            .directory(theirs.toFile()).redirectOutput(theirs.resolve("stdout.txt").toFile())
            .redirectError(theirs.resolve("stderr.txt").toFile()).start();
        try {
          LifecycleOsTest.awaitTrue(() -> Files.exists(theirs.resolve("supervisord.log"))
              && Files.readString(theirs.resolve("supervisord.log")).contains("success: other entered RUNNING"),
              "Supervisor's other RUNNING");
          Files.writeString(theirs.resolve("supervisord.conf"), config(taken, "", "enabled=false\n"));
          new ProcessBuilder("kill", "-HUP", Long.toString(p.pid())).start().waitFor();
          assertTrue(p.waitFor(30, TimeUnit.SECONDS), "Supervisor exits");
          assertEquals(2, p.exitValue());
          assertEquals(IN_USE + "\nFor help, use " + supervisord + " -h\n",
              Files.readString(theirs.resolve("stderr.txt")));
          assertFalse(Files.exists(theirs.resolve("s.sock")));
          assertFalse(Files.exists(theirs.resolve("supervisord.pid")));
        } finally {
          p.destroyForcibly();
        }
      }
    }
  }

  // ---- history ---------------------------------------------------------------------------------

  /** Our XML-RPC client over the unix socket, one connection per call. */
  private XmlRpcClient rpc() {
    UnixDomainSocketAddress at = UnixDomainSocketAddress.of(dir.resolve("s.sock"));
    return new XmlRpcClient(new XmlRpcClient.Transport() {
      @Override
      public byte[] post(byte[] body) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
          ch.connect(at);
          Reply r = exchange(ch, null, true, new String(body, StandardCharsets.UTF_8));
          return r.body().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public CompletionStage<Flow.Publisher<byte[]>> follow(String path) {
        throw new UnsupportedOperationException();
      }
    });
  }

  private static <T> T join(CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }

  private List<String> actions() {
    return join(rpc().getActions(0, 1000)).stream().map(HistoryEntry::toString).toList();
  }

  private static boolean mentions(List<String> actions, String what) {
    return actions.stream().anyMatch(a -> a.contains(what));
  }

  @Test
  void historyIsSwitchedOffAndOnBySighup() throws Exception {
    int port = RealSupervisorPorts.free();
    try (DaemonProcess d = DaemonProcess.start(dir, config(port, "", ""))) {
      d.awaitLogContains("success: other entered RUNNING state", WAIT);
      assertTrue(join(rpc().stopProcess("keep", true)));
      LifecycleOsTest.awaitTrue(() -> mentions(actions(), "stopProcess"), "the stop in the history");

      rewrite(config(port, "", "enabled=false\n"));
      hup(d, 2, "other", 2);
      CompletionException off = assertThrows(CompletionException.class, () -> actions());
      SupervisorFault fault = assertInstanceOf(SupervisorFault.class, off.getCause());
      assertEquals(Fault.FAILED, fault.fault());
      assertTrue(fault.getMessage().contains("history is disabled"), fault.getMessage());
      assertTrue(join(rpc().stopProcess("keep", true))); // not recorded: history is off

      rewrite(config(port, "", "enabled=true\n"));
      hup(d, 3, "other", 3);
      assertTrue(join(rpc().stopProcess("other", true)));
      LifecycleOsTest.awaitTrue(() -> actions().stream().anyMatch(a -> a.contains("stopProcess")
          && a.contains("other")), "the new stop in the history");
      List<String> all = actions();
      assertEquals(1, all.stream().filter(a -> a.contains("stopProcess") && a.contains("keep")).count(),
          all.toString());
      assertTrue(join(rpc().getProcessHistory("other", 0, 1000)).size() > 0);
      assertTrue(d.mainLog().lines().noneMatch(l -> l.contains("CRIT history")), d.mainLog());
    }
  }

  @Test
  void rememberStoppedAppliesAtASighupRestart() throws Exception {
    int port = RealSupervisorPorts.free();
    try (DaemonProcess d = DaemonProcess.start(dir, config(port, "", ""))) {
      d.awaitLogContains("success: other entered RUNNING state", WAIT);
      assertTrue(join(rpc().stopProcess("keep", true)));

      // turned on by the SIGHUP itself: the new ledger reads what the previous one wrote
      rewrite(config(port, "", "remember_stopped=true\n"));
      String log = hup(d, 2, "other", 2);
      d.awaitLogContains("not starting keep: an operator stopped it before the restart", WAIT);
      assertEquals(1, DaemonProcess.count(log, "spawned: 'keep'"), log);
      assertEquals(ProcessState.STOPPED, join(rpc().getProcessInfo("keep")).state());

      // unchanged settings: still applied
      hup(d, 3, "other", 3);
      DaemonProcess.sleepMillis(1000);
      ProcessInfo keep = join(rpc().getProcessInfo("keep"));
      assertEquals(ProcessState.STOPPED, keep.state());
      assertEquals(1, DaemonProcess.count(d.mainLog(), "spawned: 'keep'"), d.mainLog());
      assertEquals(2, DaemonProcess.count(d.mainLog(), "not starting keep"), d.mainLog());

      // an operator start forgets it
      assertTrue(join(rpc().startProcess("keep", true)));
      hup(d, 4, "other", 4);
      LifecycleOsTest.awaitTrue(() -> join(rpc().getProcessInfo("keep")).state() == ProcessState.RUNNING,
          "keep started by the restart");
    }
  }
}
