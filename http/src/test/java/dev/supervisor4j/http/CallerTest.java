package dev.supervisor4j.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.http.testing.FakeSupervisorApi;
import dev.supervisor4j.http.testing.Listeners;
import dev.supervisor4j.http.testing.RawHttp;
import dev.supervisor4j.http.testing.RecordingLog;
import dev.supervisor4j.protocol.Caller;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Who sent an XML-RPC request, as the handler is told: transport, Basic user, SO_PEERCRED user. */
@Timeout(30)
class CallerTest {
  static ActorSystem<Void> system;
  final LinkedBlockingQueue<Caller> seen = new LinkedBlockingQueue<>();
  @TempDir Path dir;

  @BeforeAll
  static void up() {
    system = ActorSystem.create(Behaviors.empty(), "CallerTest");
  }

  @AfterAll
  static void down() {
    system.terminate();
  }

  private final RpcHandler recording = new RpcHandler() {
    @Override
    public CompletionStage<byte[]> handle(byte[] body) {
      throw new AssertionError("the front end passes the caller");
    }

    @Override
    public CompletionStage<byte[]> handle(byte[] body, Caller caller) {
      seen.add(caller);
      return CompletableFuture.completedFuture("ok".getBytes(StandardCharsets.UTF_8));
    }
  };

  private Caller post(java.net.SocketAddress address, String authorization) throws Exception {
    try (RawHttp http = RawHttp.connect(address)) {
      String auth = authorization == null ? "" : "Authorization: " + authorization + "\r\n";
      assertEquals(200, http.exchange("POST /RPC2 HTTP/1.1\r\nHost: localhost\r\n" + auth
          + "Content-Length: 1\r\n\r\nx").status());
    }
    return seen.poll(10, TimeUnit.SECONDS);
  }

  @Test
  void tcpWithBasicAuthNamesTheUserAndThePeerAddress() throws Exception {
    HttpFrontEnd frontEnd = Listeners.bind(system, List.of(Listeners.inet("alice", "s3cret")), recording,
        new FakeSupervisorApi(), new RecordingLog(), HttpOptions.defaults());
    try {
      String basic = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
      Caller caller = post(Listeners.address(frontEnd, "tcp"), basic);
      assertEquals(Caller.Transport.TCP, caller.transport());
      assertEquals("alice", caller.user());
      assertTrue(caller.address().startsWith("127.0.0.1:"), caller.address());
    } finally {
      Listeners.stop(frontEnd);
    }
  }

  @Test
  void unixSocketWithoutAuthNamesThePeersUser() throws Exception {
    HttpFrontEnd frontEnd = Listeners.bind(system, List.of(Listeners.unix(dir.resolve("s.sock"), null, null)),
        recording, new FakeSupervisorApi(), new RecordingLog(), HttpOptions.defaults());
    try {
      Caller caller = post(Listeners.address(frontEnd, "unix"), null);
      assertEquals(Caller.Transport.UNIX, caller.transport());
      assertEquals(System.getProperty("user.name"), caller.user());
    } finally {
      Listeners.stop(frontEnd);
    }
  }

  @Test
  void unixSocketWithAuthNamesTheBasicUser() throws Exception {
    HttpFrontEnd frontEnd = Listeners.bind(system, List.of(Listeners.unix(dir.resolve("a.sock"), "bob", "pw")),
        recording, new FakeSupervisorApi(), new RecordingLog(), HttpOptions.defaults());
    try {
      String basic = "Basic " + Base64.getEncoder().encodeToString("bob:pw".getBytes(StandardCharsets.UTF_8));
      Caller caller = post(Listeners.address(frontEnd, "unix"), basic);
      assertEquals(new Caller(Caller.Transport.UNIX, "bob", ""), caller);
    } finally {
      Listeners.stop(frontEnd);
    }
  }

  @Test
  void xmlRpcRunsThroughTheApiOfItsCallerAndAnUnreadableBodyIs400() throws Exception {
    java.util.function.Function<Caller, dev.supervisor4j.protocol.SupervisorApi> actingAs = caller -> {
      seen.add(caller);
      return new FakeSupervisorApi();
    };
    HttpFrontEnd frontEnd = HttpFrontEnd.bind(system, List.of(Listeners.unix(dir.resolve("x.sock"), "bob", "pw")),
        actingAs, new FakeSupervisorApi(), new RecordingLog(), HttpOptions.defaults())
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
    try {
      String basic = "Basic " + Base64.getEncoder().encodeToString("bob:pw".getBytes(StandardCharsets.UTF_8));
      String call = "<?xml version='1.0'?>\n<methodCall>\n<methodName>system.methodHelp</methodName>\n<params>\n"
          + "<param>\n<value><string>supervisor.readMainLog</string></value>\n</param>\n</params>\n</methodCall>\n";
      try (RawHttp http = RawHttp.connect(Listeners.address(frontEnd, "unix"))) {
        var response = http.exchange("POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic + "\r\n"
            + "Content-Length: " + call.length() + "\r\n\r\n" + call);
        assertEquals(200, response.status());
        assertTrue(response.bodyText().contains("<string>Alias of readLog.</string>"), response.bodyText());
      }
      assertEquals(new Caller(Caller.Transport.UNIX, "bob", ""), seen.poll(10, TimeUnit.SECONDS));
      try (RawHttp http = RawHttp.connect(Listeners.address(frontEnd, "unix"))) {
        assertEquals(400, http.exchange("POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic
            + "\r\nContent-Length: 1\r\n\r\nx").status());
      }
    } finally {
      Listeners.stop(frontEnd);
    }
  }
}
