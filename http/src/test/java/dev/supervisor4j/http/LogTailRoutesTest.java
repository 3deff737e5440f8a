package dev.supervisor4j.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.http.testing.FakeSupervisorApi;
import dev.supervisor4j.http.testing.Listeners;
import dev.supervisor4j.http.testing.RawHttp;
import dev.supervisor4j.http.testing.RecordingLog;
import dev.supervisor4j.http.testing.TestPublisher;
import dev.supervisor4j.protocol.Fault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /logtail} and {@code /mainlogtail}: status codes, headers, and chunks as the log grows. */
@Timeout(30)
class LogTailRoutesTest {
  static ActorSystem<Void> system;
  static HttpFrontEnd frontEnd;
  static final FakeSupervisorApi api = new FakeSupervisorApi();

  @BeforeAll
  static void up() throws Exception {
    system = ActorSystem.create(Behaviors.empty(), "LogTailRoutesTest");
    Path dir = Files.createTempDirectory("logtail");
    frontEnd = Listeners.bind(system,
        List.of(Listeners.unix(dir.resolve("s.sock"), null, null), Listeners.inet(null, null)),
        body -> CompletableFuture.completedFuture(new byte[0]), api, new RecordingLog(),
        HttpOptions.defaults());
  }

  @AfterAll
  static void down() throws Exception {
    Listeners.stop(frontEnd);
    system.terminate();
  }

  private static RawHttp client(String kind) throws Exception {
    return RawHttp.connect(Listeners.address(frontEnd, kind));
  }

  private static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
  }

  @ParameterizedTest
  @ValueSource(strings = {"inet", "unix"})
  void streamsOneChunkPerElementWhileTheResponseStaysOpen(String kind) throws Exception {
    TestPublisher log = api.log("stream-" + kind, "stdout");
    try (RawHttp http = client(kind)) {
      RawHttp.Response head = http.send(get("/logtail/stream-" + kind)).readHead();
      assertEquals("HTTP/1.1 200 OK", head.statusLine());
      assertEquals("chunked", head.header("Transfer-Encoding").orElseThrow());
      assertEquals("text/plain; charset=UTF-8", head.header("Content-Type").orElseThrow());
      assertEquals("no", head.header("X-Accel-Buffering").orElseThrow());
      // a log is whatever a program printed: never sniffed as HTML by a browser
      assertEquals("nosniff", head.header("X-Content-Type-Options").orElseThrow());
      assertTrue(head.header("Last-Modified").isPresent());
      assertTrue(head.header("Content-Length").isEmpty());

      log.emit("first line\n");
      assertEquals("first line\n", http.readChunk());
      String text = "x".repeat(41) + "\n"; // 42 bytes: the size line is plain lower-case hex
      log.emit(text);
      assertEquals("2a", http.readChunkSizeLine());
      assertEquals(text, new String(http.readBytes(42), StandardCharsets.UTF_8));
      log.emit("later\n");
      http.readBytes(2); // CRLF after the previous chunk
      assertEquals("later\n", http.readChunk());
    }
    log.cancelled().get(10, TimeUnit.SECONDS); // the client went away: the stream is released
  }

  @Test
  void stderrChannel() throws Exception {
    TestPublisher log = api.log("both", "stderr");
    try (RawHttp http = client("inet")) {
      assertEquals(200, http.send(get("/logtail/both/stderr")).readHead().status());
      log.emit("oops\n");
      assertEquals("oops\n", http.readChunk());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/logtail/nosuch", "/logtail/nosuch/stderr", "/logtail/known/bogus",
      "/logtail/known/stdout/extra", "/logtail", "/logtail/", "/logtail/nofile", "/mainlogtail"})
  void notFound(String path) throws Exception {
    api.log("known", "stdout");
    api.logFaults.put("nofile", Fault.NO_FILE);
    try (RawHttp http = client("inet")) {
      RawHttp.Response response = http.exchange(get(path));
      assertEquals(404, response.status(), path);
      assertEquals("text/html", response.header("Content-Type").orElseThrow());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/logtail/known", "/logtail/nosuch/bogus", "/mainlogtail"})
  void onlyGet(String path) throws Exception {
    api.log("known", "stdout");
    try (RawHttp http = client("unix")) {
      RawHttp.Response response = http.exchange(
          "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\n\r\nx");
      assertEquals(400, response.status(), path);
    }
  }

  @Test
  void namesArePercentDecoded() throws Exception {
    TestPublisher log = api.log("grp:ga", "stdout");
    try (RawHttp http = client("unix")) {
      assertEquals(200, http.send(get("/logtail/grp%3Aga")).readHead().status());
      log.emit("from ga\n");
      assertEquals("from ga\n", http.readChunk());
    }
    TestPublisher slash = api.log("a b", "stderr");
    try (RawHttp http = client("unix")) {
      assertEquals(200, http.send(get("/logtail/a%20b%2Fstderr")).readHead().status());
      slash.emit("x");
      assertEquals("x", http.readChunk());
    }
  }

  @Test
  void mainLogHasNoAccelHeader() throws Exception {
    TestPublisher main = new TestPublisher();
    api.mainLog = main;
    try (RawHttp http = client("unix")) {
      RawHttp.Response head = http.send(get("/mainlogtail")).readHead();
      assertEquals(200, head.status());
      assertTrue(head.header("X-Accel-Buffering").isEmpty());
      assertEquals("nosniff", head.header("X-Content-Type-Options").orElseThrow());
      main.emit("2026-11-24 INFO hello\n");
      assertEquals("2026-11-24 INFO hello\n", http.readChunk());
    } finally {
      api.mainLog = null;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/1.0", "HTTP/1.1\r\nConnection: close"})
  void withoutKeepAliveTheLogStreamsRawAtOnce(String version) throws Exception {
    TestPublisher log = api.log("raw", "stdout");
    try (RawHttp http = client("inet")) {
      RawHttp.Response head = http.send("GET /logtail/raw " + version + "\r\nHost: localhost\r\n\r\n").readHead();
      assertEquals(200, head.status());
      assertTrue(head.header("Transfer-Encoding").isEmpty());
      log.emit("abc");
      assertEquals("abc", new String(http.readBytes(3), StandardCharsets.UTF_8));
      log.emit("def");
      assertEquals("def", new String(http.readBytes(3), StandardCharsets.UTF_8));
    }
  }

  /** The exact bytes of supervisorctl's tail -f client on a unix socket: empty Host, extra CRLF. */
  @Test
  void supervisorctlTailRequest() throws Exception {
    TestPublisher log = api.log("chatty", "stdout");
    try (RawHttp http = client("unix")) {
      RawHttp.Response head = http.send("GET /logtail/chatty/stdout HTTP/1.1\r\nHost: \r\n"
          + "Accept-Encoding: chunked\r\nAccept: */*\r\nUser-agent: Supervisor HTTP Client\r\n\r\n\r\n")
          .readHead();
      assertEquals(200, head.status());
      assertEquals("chunked", head.header("Transfer-Encoding").orElseThrow());
      log.emit("hello\n");
      assertEquals("hello\n", http.readChunk());
    }
  }

  /**
   * Without dropping supervisorctl's extra CRLF, Pekko takes it for the start of a next request and,
   * when the client closes, logs "Illegal HTTP message start" and sends a 400 after the stream.
   */
  @ParameterizedTest
  @ValueSource(strings = {"inet", "unix"})
  void theExtraCrlfLeavesNothingBehindTheStream(String kind) throws Exception {
    TestPublisher log = api.log("crlf-" + kind, "stdout");
    try (RawHttp http = client(kind)) {
      http.send("GET /logtail/crlf-" + kind + " HTTP/1.1\r\nHost: \r\n\r\n\r\n").readHead();
      log.emit("one\n");
      assertEquals("one\n", http.readChunk());
      // the client ends its side: the stream ends with its last chunk, and nothing follows
      String rest = new String(http.shutdownOutput().readToEnd(), StandardCharsets.ISO_8859_1);
      assertEquals("0\r\n\r\n", rest);
    }
    log.cancelled().get(10, TimeUnit.SECONDS);
  }
}
