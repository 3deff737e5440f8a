package dev.supervisor4j.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.http.testing.FakeSupervisorApi;
import dev.supervisor4j.http.testing.Listeners;
import dev.supervisor4j.http.testing.RawHttp;
import dev.supervisor4j.http.testing.RecordingLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Unix-socket connections: blocking I/O on the front end's own thread pool. */
@Timeout(60)
class UnixConnectionTest {
  static ActorSystem<Void> system;
  static final FakeSupervisorApi api = new FakeSupervisorApi();

  @BeforeAll
  static void up() {
    system = ActorSystem.create(Behaviors.empty(), "UnixConnectionTest");
  }

  @AfterAll
  static void down() {
    system.terminate();
  }

  private static String post() {
    return "POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\n\r\nx";
  }

  /** Each open unix connection holds a blocked reader; a 16-thread pool starved at 15. */
  @Test
  void twoHundredIdleUnixConnectionsDoNotStarveANewRequest() throws Exception {
    // a long idle timeout for this one, so the idle connections stay open
    Duration hour = Duration.ofHours(1);
    HttpFrontEnd patient = Listeners.bind(system,
        List.of(Listeners.unix(Files.createTempDirectory("many").resolve("s.sock"), null, null)),
        body -> CompletableFuture.completedFuture("ok".getBytes(StandardCharsets.UTF_8)), api,
        new RecordingLog(), HttpOptions.defaults().withIdleTimeout(hour));
    List<RawHttp> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        RawHttp connection = RawHttp.connect(Listeners.address(patient, "unix"));
        idle.add(connection);
      }
      // every one of them is being served (a full request on the last proves the accept loop got there)
      assertEquals(200, idle.get(199).exchange(post()).status());
      try (RawHttp fresh = RawHttp.connect(Listeners.address(patient, "unix"))) {
        RawHttp.Response response = fresh.exchange(post());
        assertEquals(200, response.status());
        assertEquals("ok", response.bodyText());
      }
      long ioThreads = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().contains(HttpFrontEnd.IO_DISPATCHER)).count();
      assertTrue(ioThreads >= 200, "blocking reads run on the front end's own pool: " + ioThreads);
    } finally {
      for (RawHttp connection : idle) {
        connection.close();
      }
      Listeners.stop(patient);
    }
  }
}
