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
}
