package dev.supervisor4j.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.http.testing.FakeSupervisorApi;
import dev.supervisor4j.http.testing.Listeners;
import dev.supervisor4j.http.testing.RawHttp;
import dev.supervisor4j.http.testing.RecordingLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /RPC2} on both kinds of listener, without authentication. */
@Timeout(30)
class RpcRouteTest {
  static ActorSystem<Void> system;
  static HttpFrontEnd frontEnd;
  static Path dir;
  static final RecordingLog log = new RecordingLog();
  static volatile RpcHandler behaviour;

  @BeforeAll
  static void up() throws Exception {
    system = ActorSystem.create(Behaviors.empty(), "RpcRouteTest");
    dir = Files.createTempDirectory("rpc");
    frontEnd = Listeners.bind(system,
        List.of(Listeners.unix(dir.resolve("s.sock"), null, null), Listeners.inet(null, null)),
        body -> behaviour.handle(body), new FakeSupervisorApi(), log, HttpOptions.defaults());
  }

  @AfterAll
  static void down() throws Exception {
    Listeners.stop(frontEnd);
    system.terminate();
  }

  private static RawHttp client(String kind) throws Exception {
    return RawHttp.connect(Listeners.address(frontEnd, kind));
  }

  private static String post(String path, String body) {
    return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml\r\n"
        + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
  }

  @ParameterizedTest
  @ValueSource(strings = {"inet", "unix"})
  void postReturnsTheHandlersBytesAsXml(String kind) throws Exception {
    behaviour = body -> CompletableFuture.completedFuture(
        ("<answer>" + new String(body, StandardCharsets.UTF_8) + "</answer>").getBytes(StandardCharsets.UTF_8));
    try (RawHttp http = client(kind)) {
      RawHttp.Response response = http.exchange(post("/RPC2", "<call/>"));
      assertEquals("HTTP/1.1 200 OK", response.statusLine());
      assertEquals("text/xml", response.header("Content-Type").orElseThrow());
      assertEquals("<answer><call/></answer>", response.bodyText());
      assertTrue(response.header("Content-Encoding").isEmpty());
      // keep-alive: a second call on the same connection
      assertEquals("<answer>x</answer>", http.exchange(post("/RPC2", "x")).bodyText());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/RPC2/x", "/RPC2?x=1", "/RPC2x"})
  void anyUriStartingWithRpc2IsTheRpcHandler(String path) throws Exception {
    behaviour = body -> CompletableFuture.completedFuture("ok".getBytes(StandardCharsets.UTF_8));
    try (RawHttp http = client("inet")) {
      assertEquals(200, http.exchange(post(path, "x")).status());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"inet", "unix"})
  void getIsBadRequestWithTheHtmlErrorPage(String kind) throws Exception {
    try (RawHttp http = client(kind)) {
      RawHttp.Response response = http.exchange("GET /RPC2 HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertEquals(400, response.status());
      assertEquals("text/html", response.header("Content-Type").orElseThrow());
      assertArrayEquals(ErrorPages.body(org.apache.pekko.http.javadsl.model.StatusCodes.BAD_REQUEST),
          response.body());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"inet", "unix"})
  void postWithoutContentLengthIsLengthRequired(String kind) throws Exception {
    try (RawHttp http = client(kind)) {
      RawHttp.Response response = http.exchange("POST /RPC2 HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertEquals(411, response.status());
      assertTrue(response.bodyText().contains("<p>Message: Length Required."));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"inet", "unix"})
  void chunkedPostIsLengthRequired(String kind) throws Exception {
    try (RawHttp http = client(kind)) {
      RawHttp.Response response = http.exchange("POST /RPC2 HTTP/1.1\r\nHost: localhost\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
      assertEquals(411, response.status());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"inet", "unix"})
  void badRequestFromTheHandlerIs400(String kind) throws Exception {
    behaviour = body -> CompletableFuture.failedFuture(new RpcHandler.BadRequest("no methodName"));
    try (RawHttp http = client(kind)) {
      assertEquals(400, http.exchange(post("/RPC2", "<junk")).status());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"inet", "unix"})
  void anyOtherFailureIs500AndLoggedAtCrit(String kind) throws Exception {
    behaviour = body -> {
      throw new IllegalStateException("boom");
    };
    try (RawHttp http = client(kind)) {
      assertEquals(500, http.exchange(post("/RPC2", "<call/>")).status());
    }
    assertTrue(log.lines().stream().anyMatch(line -> line.startsWith(
        "CRITICAL Handling XML-RPC request with data b'<call/>' raised an unexpected exception: "
            + "java.lang.IllegalStateException: boom")), log.lines().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"inet", "unix"})
  void unknownPathsAreNotFound(String kind) throws Exception {
    try (RawHttp http = client(kind)) {
      RawHttp.Response response = http.exchange("GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertEquals(404, response.status());
      assertEquals(134, response.body().length);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"inet", "unix"})
  void listenersWithoutAuthenticationAreLoggedAtCrit(String kind) {
    String section = kind + "_http_server";
    assertTrue(log.lines().contains(
        "CRITICAL Server '" + section + "' running without any HTTP authentication checking"),
        log.lines().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"inet", "unix"})
  void bodiesUpToSixteenMibAreTakenAndLongerOnesGet413AndAClosedConnection(String kind) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    behaviour = body -> {
      calls.incrementAndGet();
      return CompletableFuture.completedFuture(Integer.toString(body.length).getBytes(StandardCharsets.UTF_8));
    };
    int logged = log.lines().size();
    try (RawHttp http = client(kind)) {
      // supervisord takes a 9 MB argument; so do we, and keep the connection
      assertEquals("9000000", http.exchange(post("/RPC2", "x".repeat(9_000_000))).bodyText());
      assertEquals("16777216", http.exchange(post("/RPC2", "x".repeat(16 << 20))).bodyText());
    }
    try (RawHttp http = client(kind)) {
      // 17 MiB: read to the end and dropped, so the client sees the 413 rather than a reset
      String tooLong = post("/RPC2", "x".repeat(17 << 20)) + post("/RPC2", "smuggled");
      RawHttp.Response response = http.exchange(tooLong);
      assertEquals(413, response.status());
      assertEquals("close", response.header("Connection").orElseThrow());
      assertTrue(http.serverClosed(), "closed after the 413");
    }
    try (RawHttp http = client(kind)) {
      // far beyond the limit: 413 before the body, and the connection closes
      RawHttp.Response response = http.send("POST /RPC2 HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Length: " + (HttpOptions.DRAIN_FACTOR * (16L << 20) + 1) + "\r\n\r\n<?xml").readHead();
      assertEquals(413, response.status());
      http.readBytes(Integer.parseInt(response.header("Content-Length").orElseThrow()));
      assertTrue(http.serverClosed());
    }
    assertEquals(2, calls.get(), "nothing of a refused body reached the handler as a request");
    try (RawHttp http = client(kind)) {
      assertEquals("1", http.exchange(post("/RPC2", "x")).bodyText(), "the next connection is clean");
    }
    assertEquals(logged, log.lines().size(), log.lines().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"inet", "unix"})
  void aGarbageRequestLineIsAnswered400AndClosedAtOnceAndNotLoggedAsAWarning(String kind) throws Exception {
    int before = log.lines().size();
    for (String garbage : new String[] {"garbage\r\n", "GET\r\n", "hello world\r\n", "<?xml version='1.0'?>\r\n"}) {
      try (RawHttp http = client(kind)) {
        // the client keeps its side open: the answer must not wait for it
        RawHttp.Response response = http.send(garbage).readHead();
        assertTrue(response.status() == 400 || response.status() == 501, garbage + response.statusLine());
        http.readBytes(Integer.parseInt(response.header("Content-Length").orElseThrow()));
        assertTrue(http.serverClosed(), garbage);
      }
    }
    List<String> lines = log.lines().subList(before, log.lines().size());
    assertTrue(lines.stream().noneMatch(line -> line.startsWith("WARN") || line.startsWith("ERROR")),
        lines.toString());
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("DEBUG Illegal request")),
        "client errors are still there at debug: " + lines);
  }
}
