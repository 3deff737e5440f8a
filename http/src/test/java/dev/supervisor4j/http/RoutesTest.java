package dev.supervisor4j.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.http.testing.FakeSupervisorApi;
import dev.supervisor4j.http.testing.Listeners;
import dev.supervisor4j.http.testing.RawHttp;
import dev.supervisor4j.http.testing.RecordingLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
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
 * Basic authentication end to end, on both listeners: the unix one has a {@code {SHA}} password,
 * the TCP one a plain password containing colons.
 */
@Timeout(30)
class RoutesTest {
  static final String SHA_THEPASSWORD = "{SHA}82ab876d1387bfafe46cc1c8a2ef074eae50cb1d";
  static ActorSystem<Void> system;
  static HttpFrontEnd frontEnd;
  static final RecordingLog log = new RecordingLog();
  static final FakeSupervisorApi api = new FakeSupervisorApi();

  @BeforeAll
  static void up() throws Exception {
    system = ActorSystem.create(Behaviors.empty(), "RoutesTest");
    Path dir = Files.createTempDirectory("auth");
    frontEnd = Listeners.bind(system,
        List.of(Listeners.unix(dir.resolve("s.sock"), "user", SHA_THEPASSWORD),
            Listeners.inet("user", "pa:ss:word")),
        body -> CompletableFuture.completedFuture("ok".getBytes(StandardCharsets.UTF_8)), api, log,
        HttpOptions.defaults());
  }

  @AfterAll
  static void down() throws Exception {
    Listeners.stop(frontEnd);
    system.terminate();
  }

  private static String basic(String credentials) {
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  private static String goodPassword(String kind) {
    return kind.equals("unix") ? "thepassword" : "pa:ss:word";
  }

  private static RawHttp.Response post(String kind, String path, String authorization) throws Exception {
    try (RawHttp http = RawHttp.connect(Listeners.address(frontEnd, kind))) {
      String auth = authorization == null ? "" : "Authorization: " + authorization + "\r\n";
      return http.exchange("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + auth
          + "Content-Length: 3\r\n\r\nabc");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"inet", "unix"})
  void noCredentialsIsSupervisordsExact401(String kind) throws Exception {
    try (RawHttp http = RawHttp.connect(Listeners.address(frontEnd, kind))) {
      RawHttp.Response response = http.exchange(
          "POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n\r\nabc");
      assertEquals("HTTP/1.1 401 Unauthorized", response.statusLine());
      assertEquals("Basic realm=\"default\"", response.header("WWW-Authenticate").orElseThrow());
      assertEquals("close", response.header("Connection").orElseThrow());
      assertEquals("text/html", response.header("Content-Type").orElseThrow());
      assertEquals("137", response.header("Content-Length").orElseThrow());
      assertEquals("<head>\r\n<title>Error response</title>\r\n</head>\r\n<body>\r\n"
          + "<h1>Error response</h1>\r\n<p>Error code 401.\r\n<p>Message: Unauthorized.\r\n</body>\r\n",
          response.bodyText());
      assertTrue(http.serverClosed(), "the connection closes after a 401");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"inet", "unix"})
  void wrongPasswordOrUserOrSchemeIs401(String kind) throws Exception {
    assertEquals(401, post(kind, "/RPC2", basic("user:wrong")).status());
    assertEquals(401, post(kind, "/RPC2", basic("other:" + goodPassword(kind))).status());
    assertEquals(401, post(kind, "/RPC2", "Digest " + basic("user:" + goodPassword(kind)).substring(6)).status());
    assertEquals(401, post(kind, "/RPC2", basic("nocolon")).status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"inet", "unix"})
  void rightCredentialsPassWithAnySchemeCase(String kind) throws Exception {
    assertEquals(200, post(kind, "/RPC2", basic("user:" + goodPassword(kind))).status());
    assertEquals(200, post(kind, "/RPC2", "bAsIc " + basic("user:" + goodPassword(kind)).substring(6)).status());
  }

  @Test
  void shaPasswordIsComparedAsLowercaseHex() throws Exception {
    // the unix listener stores {SHA}...: the hash itself is not accepted as the password
    assertEquals(401, post("unix", "/RPC2", basic("user:" + SHA_THEPASSWORD)).status());
    assertEquals(200, post("unix", "/RPC2", basic("user:thepassword")).status());
  }

  @Test
  void passwordIsSplitOffAtTheFirstColon() throws Exception {
    assertEquals(200, post("inet", "/RPC2", basic("user:pa:ss:word")).status());
    assertEquals(401, post("inet", "/RPC2", basic("user:pa:ss")).status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"inet", "unix"})
  void undecodableCredentialsAre400(String kind) throws Exception {
    assertEquals(400, post(kind, "/RPC2", "Basic abc").status());
    byte[] latin1 = "user:caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(400, post(kind, "/RPC2", "Basic " + Base64.getEncoder().encodeToString(latin1)).status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"inet", "unix"})
  void everyRouteIsProtected(String kind) throws Exception {
    api.log("x", "stdout");
    for (String path : List.of("/logtail/x", "/mainlogtail", "/index.html", "/nosuch")) {
      try (RawHttp http = RawHttp.connect(Listeners.address(frontEnd, kind))) {
        assertEquals(401, http.exchange("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").status(), path);
      }
    }
  }

  @Test
  void protectedListenersAreNotLoggedAsOpen() {
    assertFalse(log.lines().stream().anyMatch(line -> line.contains("without any HTTP authentication")),
        log.lines().toString());
  }
}
