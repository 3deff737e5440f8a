package dev.supervisor4j.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.http.testing.FakeSupervisorApi;
import dev.supervisor4j.http.testing.Listeners;
import dev.supervisor4j.http.testing.RawHttp;
import dev.supervisor4j.http.testing.RecordingLog;
import dev.supervisor4j.http.testing.TestPublisher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The idle timeout (300 ms here): it closes idle connections but spares a streaming response or a
 * call still being answered.
 */
@Timeout(60)
class ConnectionWatchTest {
  static ActorSystem<Void> system;
  static HttpFrontEnd frontEnd;
  static final FakeSupervisorApi api = new FakeSupervisorApi();
  static volatile CompletableFuture<byte[]> pendingAnswer = CompletableFuture.completedFuture(new byte[0]);

  @BeforeAll
  static void up() throws Exception {
    system = ActorSystem.create(Behaviors.empty(), "ConnectionWatchTest");
    frontEnd = Listeners.bind(system,
        List.of(Listeners.unix(Files.createTempDirectory("conn").resolve("s.sock"), null, null),
            Listeners.inet(null, null)),
        body -> pendingAnswer, api, new RecordingLog(),
        HttpOptions.defaults().withIdleTimeout(Duration.ofMillis(300)));
  }

  @AfterAll
  static void down() throws Exception {
    Listeners.stop(frontEnd);
    system.terminate();
  }

  private static String post() {
    return "POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\n\r\nx";
  }

  @ParameterizedTest
  @ValueSource(strings = {"inet", "unix"})
  void idleConnectionsCloseButAQuietLogStreamStaysOpen(String kind) throws Exception {
    TestPublisher quiet = api.log("quiet-" + kind, "stdout");
    try (RawHttp stream = RawHttp.connect(Listeners.address(frontEnd, kind))) {
      assertEquals(200, stream.send("GET /logtail/quiet-" + kind + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
          .readHead().status());
      // opened later than the stream, idle all along: closed by the timeout
      try (RawHttp idle = RawHttp.connect(Listeners.address(frontEnd, kind))) {
        assertEquals(200, idle.exchange(post()).status());
        assertTrue(idle.serverClosed());
      }
      // the stream has been silent longer than the timeout, and still works
      quiet.emit("still here\n");
      assertEquals("still here\n", stream.readChunk());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"inet", "unix"})
  void aCallStillBeingAnsweredKeepsItsConnection(String kind) throws Exception {
    CompletableFuture<byte[]> answer = new CompletableFuture<>();
    pendingAnswer = answer;
    try (RawHttp slow = RawHttp.connect(Listeners.address(frontEnd, kind))) {
      slow.send(post());
      try (RawHttp idle = RawHttp.connect(Listeners.address(frontEnd, kind))) {
        assertTrue(idle.serverClosed()); // the timeout has passed
      }
      answer.complete("late".getBytes(StandardCharsets.UTF_8));
      RawHttp.Response head = slow.readHead();
      assertEquals(200, head.status());
      assertEquals("late", new String(slow.readBytes(4), StandardCharsets.UTF_8));
    } finally {
      pendingAnswer = CompletableFuture.completedFuture(new byte[0]);
    }
  }

  /**
   * The cause of "Remote end closed connection without response": a kept-alive connection reused
   * after a pause longer than the idle timeout (60 s before) was closed under the client, which
   * does not retry (http.client, supervisor's own transport). Now a pause longer than the read
   * timeout is fine, and only a crowded front end closes idle connections that soon.
   */
  @ParameterizedTest
  @ValueSource(strings = {"inet", "unix"})
  void aKeptAliveConnectionPausedLongerThanTheReadTimeoutIsStillAnswered(String kind) throws Exception {
    ActorSystem<Void> own = ActorSystem.create(Behaviors.empty(), "ConnectionWatchTestPaused");
    HttpFrontEnd patient = Listeners.bind(own,
        List.of(Listeners.unix(Files.createTempDirectory("conn").resolve("s.sock"), null, null),
            Listeners.inet(null, null)),
        body -> CompletableFuture.completedFuture("ok".getBytes(StandardCharsets.UTF_8)), api, new RecordingLog(),
        HttpOptions.defaults().withReadTimeout(Duration.ofMillis(200)));
    try (RawHttp client = RawHttp.connect(Listeners.address(patient, kind))) {
      assertEquals(200, client.exchange(post()).status());
      Thread.sleep(1_500); // several read timeouts and idle checks, but not crowded
      assertEquals("ok", client.exchange(post()).bodyText());
    } finally {
      Listeners.stop(patient);
      own.terminate();
    }
  }

  @Test
  void idleConnectionsGetTheShortTimeoutOnlyWhileTheFrontEndIsCrowded() {
    ConnectionWatch.Idle idle = new ConnectionWatch.Idle(Duration.ofMinutes(30), Duration.ofSeconds(60), 2);
    idle.opened();
    idle.opened();
    assertEquals(Duration.ofMinutes(30).toNanos(), idle.limitNanos());
    idle.opened();
    assertEquals(Duration.ofSeconds(60).toNanos(), idle.limitNanos(), "three open, more than two");
    idle.closed();
    assertEquals(Duration.ofMinutes(30).toNanos(), idle.limitNanos());
    assertEquals(Duration.ofSeconds(15), idle.checkEvery());
    assertEquals(Duration.ofMinutes(30), HttpOptions.defaults().idleTimeout(), "supervisord's zombie timeout");
  }
}
