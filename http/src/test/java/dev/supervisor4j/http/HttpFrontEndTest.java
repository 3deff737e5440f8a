package dev.supervisor4j.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor4j.http.testing.FakeSupervisorApi;
import dev.supervisor4j.http.testing.Listeners;
import dev.supervisor4j.http.testing.RawHttp;
import dev.supervisor4j.http.testing.RecordingLog;
import dev.supervisor4j.http.testing.TestPublisher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Opening and closing listeners: socket files, ports in use, stop. */
@Timeout(30)
class HttpFrontEndTest {
  static ActorSystem<Void> system;
  final RecordingLog log = new RecordingLog();
  final FakeSupervisorApi api = new FakeSupervisorApi();
  @TempDir
  Path dir;

  @BeforeAll
  static void up() {
    system = ActorSystem.create(Behaviors.empty(), "HttpFrontEndTest");
  }

  @AfterAll
  static void down() {
    system.terminate();
  }

  private HttpFrontEnd bind(HttpServerSpec... servers) throws Exception {
    return Listeners.bind(system, List.of(servers),
        body -> CompletableFuture.completedFuture("ok".getBytes(StandardCharsets.UTF_8)), api, log,
        HttpOptions.defaults());
  }

  private HttpBindException bindFails(HttpServerSpec... servers) {
    ExecutionException failure = assertThrows(ExecutionException.class, () -> bind(servers));
    return assertInstanceOf(HttpBindException.class, failure.getCause());
  }

  private static int rpcStatus(java.net.SocketAddress address) throws IOException {
    try (RawHttp http = RawHttp.connect(address)) {
      return http.exchange("POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\n\r\nx").status();
    }
  }

  @Test
  void staleSocketFileIsReplaced() throws Exception {
    Path socket = dir.resolve("stale.sock");
    ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    crashed.bind(UnixDomainSocketAddress.of(socket));
    crashed.close(); // the file stays, nobody listens: what a crashed daemon leaves
    assertTrue(Files.exists(socket));

    HttpFrontEnd frontEnd = bind(Listeners.unix(socket, null, null));
    assertTrue(log.lines().contains("stderr: Unlinking stale socket " + socket), log.lines().toString());
    assertEquals(200, rpcStatus(UnixDomainSocketAddress.of(socket)));
    Listeners.stop(frontEnd);
  }

  @Test
  void liveSocketIsRefusedAndLeftAlone() throws Exception {
    Path socket = dir.resolve("live.sock");
    try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      other.bind(UnixDomainSocketAddress.of(socket));
      HttpBindException error = bindFails(Listeners.unix(socket, null, null));
      assertEquals("Another program is already listening on a port that one of our HTTP servers is "
          + "configured to use.  Shut this program down first before starting supervisord.",
          error.getMessage());
      assertTrue(Files.exists(socket));
      try (var files = Files.list(dir)) {
        assertEquals(List.of(socket), files.toList(), "no temporary socket left behind");
      }
    }
  }

  @Test
  void inetPortInUseIsRefused() throws Exception {
    try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      HttpBindException error = bindFails(
          new HttpServerSpec.Inet("inet_http_server", "127.0.0.1", other.getLocalPort(), null, null));
      assertEquals(BindErrors.IN_USE, error.getMessage());
    }
  }

  @Test
  void aFailedBindClosesTheListenersAlreadyOpen() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Path socket = dir.resolve("live.sock");
    try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      other.bind(UnixDomainSocketAddress.of(socket));
      bindFails(Listeners.unix(socket, null, null),
          new HttpServerSpec.Inet("inet_http_server", "127.0.0.1", port, null, null));
    }
    // the TCP listener (opened first) was closed again: its port is free
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertEquals(port, again.getLocalPort());
    }
  }

  @Test
  void missingDirectoryIsReportedWithTheErrnoName() {
    HttpBindException error = bindFails(Listeners.unix(dir.resolve("nodir/s.sock"), null, null));
    assertEquals("Cannot open an HTTP server: socket.error reported errno.ENOENT (2)", error.getMessage());
  }

  @Test
  void chmodIsAppliedAndTheFileRemovedAtStop() throws Exception {
    Path socket = dir.resolve("mode.sock");
    HttpFrontEnd frontEnd = bind(new HttpServerSpec.Unix("unix_http_server", socket, 0660, -1, -1, null, null));
    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
    Listeners.stop(frontEnd);
    assertFalse(Files.exists(socket));
  }

  @Test
  void chownIsAppliedWhenRoot() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "chown to another uid needs root");
    Path socket = dir.resolve("owned.sock");
    HttpFrontEnd frontEnd = bind(new HttpServerSpec.Unix("unix_http_server", socket, 0700, 1, 1, null, null));
    assertEquals(1, Files.getAttribute(socket, "unix:uid"));
    assertEquals(1, Files.getAttribute(socket, "unix:gid"));
    Listeners.stop(frontEnd);
  }

  @Test
  void stopReleasesEverythingForTheNextBind() throws Exception {
    Path socket = dir.resolve("again.sock");
    HttpFrontEnd first = bind(Listeners.unix(socket, null, null), Listeners.inet(null, null));
    InetSocketAddress tcp = (InetSocketAddress) Listeners.address(first, "inet");
    Listeners.stop(first);
    Listeners.stop(first); // twice is fine

    HttpFrontEnd second = bind(Listeners.unix(socket, null, null),
        new HttpServerSpec.Inet("inet_http_server", "127.0.0.1", tcp.getPort(), null, null));
    assertEquals(200, rpcStatus(UnixDomainSocketAddress.of(socket)));
    assertEquals(200, rpcStatus(tcp));
    assertFalse(log.lines().stream().anyMatch(line -> line.contains("Unlinking")), "stop removed the file");
    Listeners.stop(second);
  }

  @Test
  void stopEndsOpenLogStreams() throws Exception {
    HttpFrontEnd frontEnd = bind(Listeners.unix(dir.resolve("s.sock"), null, null));
    TestPublisher tail = api.log("x", "stdout");
    try (RawHttp http = RawHttp.connect(Listeners.address(frontEnd, "unix"))) {
      assertEquals(200, http.send("GET /logtail/x HTTP/1.1\r\nHost: localhost\r\n\r\n").readHead().status());
      tail.emit("a");
      assertEquals("a", http.readChunk());
      Listeners.stop(frontEnd);
      http.readToEnd();
    }
    tail.cancelled().get(10, TimeUnit.SECONDS);
  }

  @Test
  void tcpListenersAreBoundBeforeUnixOnes() throws Exception {
    HttpFrontEnd frontEnd = bind(Listeners.unix(dir.resolve("s.sock"), null, null), Listeners.inet(null, null));
    assertInstanceOf(InetSocketAddress.class, frontEnd.localAddresses().get(0));
    assertInstanceOf(UnixDomainSocketAddress.class, frontEnd.localAddresses().get(1));
    assertEquals(List.of(
        "CRITICAL Server 'inet_http_server' running without any HTTP authentication checking",
        "CRITICAL Server 'unix_http_server' running without any HTTP authentication checking"),
        log.lines());
    Listeners.stop(frontEnd);
  }

  @Test
  void terminatingTheActorSystemRemovesTheSocketFile() throws Exception {
    ActorSystem<Void> own = ActorSystem.create(Behaviors.empty(), "HttpFrontEndTestShutdown");
    Path socket = dir.resolve("shutdown.sock");
    Listeners.bind(own, List.of(Listeners.unix(socket, null, null)),
        body -> CompletableFuture.completedFuture(new byte[0]), api, log, HttpOptions.defaults());
    assertTrue(Files.exists(socket));
    own.terminate();
    own.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertFalse(Files.exists(socket));
  }

  private static String basic(String user, String password) {
    return "Authorization: Basic " + java.util.Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)) + "\r\n";
  }

  private static final String RPC = "POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\n";

  private static void rebind(HttpFrontEnd frontEnd, HttpServerSpec... servers) throws Exception {
    frontEnd.rebind(List.of(servers)).toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void rebindKeepsAnUnchangedSocketAndItsConnectionsWithTheNewCredentials() throws Exception {
    Path socket = dir.resolve("kept.sock");
    HttpFrontEnd frontEnd = bind(Listeners.unix(socket, "alice", "old"), Listeners.inet("alice", "old"));
    InetSocketAddress tcp = (InetSocketAddress) Listeners.address(frontEnd, "inet");
    Object inode = Files.getAttribute(socket, "unix:ino");
    try (RawHttp http = RawHttp.connect(tcp)) {
      assertEquals(200, http.exchange(RPC + basic("alice", "old") + "\r\nx").status());
      rebind(frontEnd, new HttpServerSpec.Inet("inet_http_server", "127.0.0.1", tcp.getPort(), "alice", "new"),
          Listeners.unix(socket, "alice", "new"));
      // the same connection goes on, under the new password
      assertEquals(200, http.exchange(RPC + basic("alice", "new") + "\r\nx").status());
      assertEquals(401, http.exchange(RPC + basic("alice", "old") + "\r\nx").status());
    }
    assertEquals(inode, Files.getAttribute(socket, "unix:ino"), "the same socket file");
    assertEquals(List.of(tcp, UnixDomainSocketAddress.of(socket)), frontEnd.localAddresses());
    try (RawHttp http = RawHttp.connect(UnixDomainSocketAddress.of(socket))) {
      assertEquals(200, http.exchange(RPC + basic("alice", "new") + "\r\nx").status());
      assertEquals(401, http.exchange(RPC + basic("alice", "old") + "\r\nx").status());
    }
    Listeners.stop(frontEnd);
    assertFalse(Files.exists(socket));
  }

  @Test
  void rebindMovesAChangedListenerAndClosesItsConnections() throws Exception {
    Path socket = dir.resolve("moved.sock");
    HttpFrontEnd frontEnd = bind(Listeners.unix(socket, null, null), Listeners.inet(null, null));
    InetSocketAddress oldTcp = (InetSocketAddress) Listeners.address(frontEnd, "inet");
    int newPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      newPort = probe.getLocalPort();
    }
    Path moved = dir.resolve("moved2.sock");
    try (RawHttp open = RawHttp.connect(oldTcp)) {
      assertEquals(200, open.exchange(RPC + "\r\nx").status());
      rebind(frontEnd, new HttpServerSpec.Unix("unix_http_server", moved, 0660, -1, -1, null, null),
          new HttpServerSpec.Inet("inet_http_server", "127.0.0.1", newPort, null, null));
      assertTrue(open.serverClosed(), "a connection to the old port is closed");
    }
    assertEquals(200, rpcStatus(new InetSocketAddress("127.0.0.1", newPort)));
    assertThrows(IOException.class, () -> rpcStatus(oldTcp));
    assertFalse(Files.exists(socket));
    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(moved)));
    assertEquals(200, rpcStatus(UnixDomainSocketAddress.of(moved)));

    // the same file, another mode: a new socket
    try (RawHttp open = RawHttp.connect(UnixDomainSocketAddress.of(moved))) {
      assertEquals(200, open.exchange(RPC + "\r\nx").status());
      rebind(frontEnd, new HttpServerSpec.Unix("unix_http_server", moved, 0600, -1, -1, null, null));
      assertTrue(open.serverClosed(), "a connection to the old socket is closed");
    }
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(moved)));
    assertEquals(200, rpcStatus(UnixDomainSocketAddress.of(moved)));
    assertEquals(List.of(UnixDomainSocketAddress.of(moved)), frontEnd.localAddresses());
    assertThrows(IOException.class, () -> rpcStatus(new InetSocketAddress("127.0.0.1", newPort)));
    Listeners.stop(frontEnd);
  }

  @Test
  void rebindToAPortInUseFailsAsBindDoesAndClosesEverything() throws Exception {
    Path socket = dir.resolve("s.sock");
    HttpFrontEnd frontEnd = bind(Listeners.unix(socket, null, null), Listeners.inet(null, null));
    try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ExecutionException failure = assertThrows(ExecutionException.class, () -> rebind(frontEnd,
          Listeners.unix(socket, null, null),
          new HttpServerSpec.Inet("inet_http_server", "127.0.0.1", other.getLocalPort(), null, null)));
      HttpBindException error = assertInstanceOf(HttpBindException.class, failure.getCause());
      assertEquals(BindErrors.IN_USE, error.getMessage());
    }
    assertFalse(Files.exists(socket));
    assertEquals(List.of(), frontEnd.localAddresses());
  }
}
