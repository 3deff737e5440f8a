package dev.supervisor4j.daemon.spawn;

import static dev.supervisor4j.daemon.spawn.TestSpawner.awaitExit;
import static dev.supervisor4j.daemon.spawn.TestSpawner.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.config.FcgiSocket;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.Signal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real sockets of fcgi programs, and children that get one as their fd 0. */
@Tag("os")
class ListeningSocketTest {
  @TempDir Path tmp;

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void tcpSocketListensAndABusyPortGivesPythonsError() throws Exception {
    int port = freePort();
    FcgiSocket config = new FcgiSocket("tcp://127.0.0.1:" + port, 5, null, null);
    int fd = ListeningSocket.open(LibC.get(), config);
    try {
      assertTrue(fd > 2);
      try (Socket client = new Socket("127.0.0.1", port)) {
        assertTrue(client.isConnected(), "the kernel accepts into the backlog before anyone calls accept");
      }
      IOException busy = assertThrows(IOException.class, () -> ListeningSocket.open(LibC.get(), config));
      assertEquals("[Errno 98] Address already in use", busy.getMessage());
    } finally {
      ListeningSocket.close(LibC.get(), fd);
    }
    assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close(), "closed: nothing listens");
  }

  @Test
  void unixSocketReplacesAStaleFileAndGetsItsMode() throws Exception {
    Path path = tmp.resolve("app.sock");
    Files.writeString(path, "stale");
    FcgiSocket config = new FcgiSocket("unix://" + path, null, null, 0660);
    int fd = ListeningSocket.open(LibC.get(), config);
    try {
      assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
      try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        assertTrue(client.connect(UnixDomainSocketAddress.of(path)));
      }
    } finally {
      ListeningSocket.close(LibC.get(), fd);
    }
    assertTrue(Files.exists(path), "Supervisor leaves the file at close; the next creation replaces it");
    FcgiSocket defaults = new FcgiSocket("unix://" + path, null, null, null);
    fd = ListeningSocket.open(LibC.get(), defaults);
    ListeningSocket.close(LibC.get(), fd);
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
  }

  @Test
  void unixSocketInAMissingDirectoryFailsWithoutLeavingAFile() {
    FcgiSocket config = new FcgiSocket("unix://" + tmp.resolve("nope/app.sock"), null, null, null);
    IOException e = assertThrows(IOException.class, () -> ListeningSocket.open(LibC.get(), config));
    assertEquals("[Errno 2] No such file or directory", e.getMessage());
  }

  @Test
  void everyChildGetsTheSocketAsFdZeroAndGivesItBackWhenReaped() throws Exception {
    int port = freePort();
    List<String> log = new ArrayList<>();
    SharedSocket socket = SharedSocket.of(new FcgiSocket("tcp://127.0.0.1:" + port, null, null, null),
        line -> {
          synchronized (log) {
            log.add(line);
          }
        });
    // Each child shows what its fd 0 is, then waits to be stopped.
    SpawnRequest request = TestSpawner.sh("readlink /proc/self/fd/0; exec sleep 60").withSocket(socket);
    RunningChild first = TestSpawner.get().spawn(request);
    RunningChild second = TestSpawner.get().spawn(request);
    assertEquals(2, socket.holders());
    String firstFd0 = new BufferedReader(new InputStreamReader(first.stdout(), StandardCharsets.UTF_8)).readLine();
    String secondFd0 = new BufferedReader(new InputStreamReader(second.stdout(), StandardCharsets.UTF_8)).readLine();
    String listening = listeningInode(port);
    assertFalse(listening.isEmpty(), "listening while the children hold it");
    assertEquals("socket:[" + listening + "]", firstFd0);
    assertEquals("socket:[" + listening + "]", secondFd0);
    IOException noStdin = assertThrows(IOException.class, () -> first.stdin().write('x'));
    assertTrue(noStdin.getMessage().contains("stdin"), noStdin.getMessage());
    first.signal(Signal.TERM, false);
    awaitExit(first);
    assertEquals(1, socket.holders());
    assertEquals(listening, listeningInode(port), "still held by the second child");
    second.signal(Signal.TERM, false);
    awaitExit(second);
    for (RunningChild c : List.of(first, second)) {
      c.stdout().close();
      c.stderr().close();
    }
    assertEquals(0, socket.holders());
    assertEquals(List.of("Creating socket tcp://127.0.0.1:" + port, "Closing socket tcp://127.0.0.1:" + port), log);
    assertEquals("", listeningInode(port), "closed after the last child was reaped");
  }

  @Test
  void aSocketThatCannotBeBoundFailsTheSpawnAndAFailedExecGivesItBack() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      SharedSocket socket = SharedSocket.of(
          new FcgiSocket("tcp://127.0.0.1:" + taken.getLocalPort(), null, null, null), line -> { });
      SpawnException e = assertThrows(SpawnException.class,
          () -> TestSpawner.get().spawn(TestSpawner.sh("exit 0").withSocket(socket)));
      assertEquals(Fault.SPAWN_ERROR, e.fault());
      assertEquals("Could not create FastCGI socket tcp://127.0.0.1:" + taken.getLocalPort()
          + ": [Errno 98] Address already in use", e.getMessage());
      assertEquals(0, socket.holders());
    }
    int port = freePort();
    SharedSocket socket = SharedSocket.of(new FcgiSocket("tcp://127.0.0.1:" + port, null, null, null), line -> { });
    RunningChild failed = TestSpawner.get().spawn(
        TestSpawner.request(List.of(tmp.resolve("missing").toString())).withSocket(socket));
    String err = readAll(failed.stderr());
    assertTrue(err.contains("couldn't exec"), err);
    readAll(failed.stdout());
    assertEquals(ExitStatus.exited(127), awaitExit(failed));
    assertEquals(0, socket.holders());
    assertFalse(Files.exists(tmp.resolve("missing")));
  }

  /** The inode of the socket listening on 127.0.0.1:port, or "" when none does. */
  private static String listeningInode(int port) throws IOException {
    String local = String.format("0100007F:%04X", port);
    return Files.readAllLines(Path.of("/proc/net/tcp"), StandardCharsets.US_ASCII).stream().skip(1)
        .map(l -> l.trim().split("\\s+"))
        .filter(f -> f[1].equals(local) && f[3].equals("0A"))
        .map(f -> f[9]).collect(Collectors.joining());
  }
}
