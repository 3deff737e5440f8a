package dev.supervisor4j.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.http.HttpFrontEnd;
import dev.supervisor4j.http.HttpOptions;
import dev.supervisor4j.http.HttpServerSpec;
import dev.supervisor4j.http.testing.FakeSupervisorApi;
import dev.supervisor4j.http.testing.Listeners;
import dev.supervisor4j.http.testing.RawHttp;
import dev.supervisor4j.http.testing.RecordingLog;
import dev.supervisor4j.http.testing.TestPublisher;
import dev.supervisor4j.protocol.ProcessState;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The console over a real listener and a fake API: pages, the JSON API, CSRF and Origin checks,
 * supervisord's GET action links, escaping, authentication and the event stream.
 */
@Timeout(30)
class WebConsoleTest {
  static final String TOKEN = "test-token";
  static final String XSS = "<script>alert(1)</script>";
  static ActorSystem<Void> system;
  static HttpFrontEnd open;
  static HttpFrontEnd locked;
  static final FakeSupervisorApi api = new FakeSupervisorApi();

  @BeforeAll
  static void up() throws Exception {
    system = ActorSystem.create(Behaviors.empty(), "WebConsoleTest");
    Path proc = Files.createTempDirectory("proc");
    HttpOptions options = HttpOptions.defaults()
        .withExtraRoutes(List.of(WebConsole.create(system, api, new CsrfGuard(TOKEN), proc).route()));
    open = Listeners.bind(system, List.of(Listeners.inet(null, null), Listeners.unix(proc.resolve("s.sock"), null, null)),
        body -> CompletableFuture.completedFuture(new byte[0]), api, new RecordingLog(), options);
    locked = bind(Listeners.inet("user", "pw"), options);
  }

  private static HttpFrontEnd bind(HttpServerSpec spec, HttpOptions options) throws Exception {
    return Listeners.bind(system, List.of(spec), body -> CompletableFuture.completedFuture(new byte[0]), api,
        new RecordingLog(), options);
  }

  @AfterAll
  static void down() throws Exception {
    Listeners.stop(open);
    Listeners.stop(locked);
    system.terminate();
  }

  @BeforeEach
  void table() {
    api.processes.clear();
    api.calls.clear();
    api.put("web", "web", ProcessState.RUNNING, 101, "pid 101, uptime 0:01:00");
    api.put("grp", "a", ProcessState.STOPPED, 0, XSS);
  }

  private static RawHttp.Response exchange(HttpFrontEnd frontEnd, String request) throws Exception {
    try (RawHttp http = RawHttp.connect(Listeners.address(frontEnd, "inet"))) {
      return http.exchange(request);
    }
  }

  private static RawHttp.Response get(String path) throws Exception {
    return exchange(open, "GET " + path + " HTTP/1.1\r\nHost: " + host() + "\r\nConnection: close\r\n\r\n");
  }

  private static RawHttp.Response post(String path, String extraHeaders, String body) throws Exception {
    return exchange(open, "POST " + path + " HTTP/1.1\r\nHost: " + host() + "\r\nConnection: close\r\n"
        + extraHeaders + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
  }

  private static String host() {
    return "127.0.0.1:" + ((java.net.InetSocketAddress) Listeners.address(open, "inet")).getPort();
  }

  @Test
  void statusPageIsAShellWithTheTokenAndEscapedData() throws Exception {
    for (String path : List.of("/", "/index.html")) {
      RawHttp.Response page = get(path);
      assertEquals(200, page.status());
      assertEquals("text/html; charset=UTF-8", page.header("Content-Type").orElseThrow());
      assertTrue(page.header("Content-Security-Policy").orElseThrow().contains("script-src 'self'"));
      String html = page.bodyText();
      assertTrue(html.contains("<meta name=\"csrf-token\" content=\"" + TOKEN + "\">"), html);
      assertTrue(html.contains("\"namespec\":\"grp:a\""), html);
      assertTrue(html.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"), html);
      assertFalse(html.contains(XSS), html);
      assertTrue(html.contains("<script src=\"console/console.js\"></script>"), html);
    }
  }

  @Test
  void theUnixSocketServesItToo() throws Exception {
    try (RawHttp http = RawHttp.connect(Listeners.address(open, "unix"))) {
      RawHttp.Response page = http.exchange("GET /index.html HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      assertEquals(200, page.status());
      assertTrue(page.bodyText().contains("<title>Supervisor Status</title>"));
    }
  }

  @Test
  void flashMessageFromTheQueryIsEscaped() throws Exception {
    String html = get("/index.html?message=%3Cb%3EProcess%20web%20stopped").bodyText();
    assertTrue(html.contains("class=\"flash ok\""), html);
    assertTrue(html.contains("&lt;b&gt;Process web stopped"), html);
    assertFalse(html.contains("<b>Process"), html);
  }

  @Test
  void supervisordActionLinkShowsAConfirmButtonAndChangesNothing() throws Exception {
    RawHttp.Response page = get("/index.html?processname=web&action=stop");
    assertEquals(200, page.status());
    String html = page.bodyText();
    assertTrue(html.contains("<form class=\"confirm\" method=\"post\" action=\"index.html\">"), html);
    assertTrue(html.contains("name=\"csrf\" value=\"" + TOKEN + "\""), html);
    assertTrue(html.contains("Stop web"), html);
    assertEquals(List.of(), api.calls);
    assertEquals(ProcessState.RUNNING, api.processes.get("web").state());
    get("/index.html?action=stopall");
    assertEquals(List.of(), api.calls);
  }

  @Test
  void confirmFormPostActsAndRedirectsWithTheFlash() throws Exception {
    String form = "action=stop&processname=web&csrf=" + TOKEN;
    RawHttp.Response done = post("/index.html", "Content-Type: application/x-www-form-urlencoded\r\n"
        + "Origin: http://" + host() + "\r\n", form);
    assertEquals(303, done.status(), done.bodyText());
    assertEquals("index.html?message=Process+web+stopped", done.header("Location").orElseThrow());
    assertEquals(List.of("stop web"), api.calls);
  }

  @Test
  void formPostWithoutTheTokenIsRefused() throws Exception {
    RawHttp.Response refused = post("/index.html", "Content-Type: application/x-www-form-urlencoded\r\n",
        "action=stop&processname=web");
    assertEquals(403, refused.status());
    assertEquals(List.of(), api.calls);
    assertEquals(ProcessState.RUNNING, api.processes.get("web").state());
  }

  @Test
  void apiActionWithTokenAndSameOriginActs() throws Exception {
    RawHttp.Response done = post("/api/v1/processes/web/stop",
        "X-CSRF-Token: " + TOKEN + "\r\nOrigin: http://" + host() + "\r\n", "");
    assertEquals(200, done.status(), done.bodyText());
    assertEquals("application/json", done.header("Content-Type").orElseThrow());
    String json = done.bodyText();
    assertTrue(json.startsWith("{\"ok\":true,\"message\":\"Process web stopped\",\"fault\":null,"), json);
    assertTrue(json.contains("\"state\":\"STOPPED\""), json);
    assertEquals(List.of("stop web"), api.calls);
  }

  @Test
  void apiActionWithoutTokenIsRefusedAndChangesNothing() throws Exception {
    RawHttp.Response refused = post("/api/v1/processes/web/stop", "", "");
    assertEquals(403, refused.status());
    assertTrue(refused.bodyText().contains("CSRF"), refused.bodyText());
    RawHttp.Response wrong = post("/api/v1/processes/web/stop", "X-CSRF-Token: guess\r\n", "");
    assertEquals(403, wrong.status());
    assertEquals(List.of(), api.calls);
    assertEquals(ProcessState.RUNNING, api.processes.get("web").state());
  }

  @Test
  void apiActionFromAForeignOriginIsRefusedEvenWithTheToken() throws Exception {
    for (String origin : List.of("http://evil.example", "http://127.0.0.1:1", "null")) {
      RawHttp.Response refused = post("/api/v1/processes/web/stop",
          "X-CSRF-Token: " + TOKEN + "\r\nOrigin: " + origin + "\r\n", "");
      assertEquals(403, refused.status(), origin);
      assertTrue(refused.bodyText().contains("cross-origin"), refused.bodyText());
    }
    assertEquals(List.of(), api.calls);
    assertEquals(ProcessState.RUNNING, api.processes.get("web").state());
  }

  @Test
  void getOnAnActionPathChangesNothing() throws Exception {
    RawHttp.Response answer = get("/api/v1/processes/web/stop");
    assertEquals(405, answer.status());
    assertEquals("POST", answer.header("Allow").orElseThrow());
    assertEquals(List.of(), api.calls);
  }

  @Test
  void apiFaultsMapToStatusAndSupervisordMessages() throws Exception {
    String auth = "X-CSRF-Token: " + TOKEN + "\r\n";
    RawHttp.Response again = post("/api/v1/processes/web/start", auth, "");
    assertEquals(409, again.status());
    assertTrue(again.bodyText().contains("\"message\":\"ERROR: Process web: already started\""), again.bodyText());
    assertTrue(again.bodyText().contains("\"fault\":\"ALREADY_STARTED\""), again.bodyText());
    RawHttp.Response missing = post("/api/v1/processes/nosuch/stop", auth, "");
    assertEquals(404, missing.status());
    assertTrue(missing.bodyText().contains("No such process named nosuch"), missing.bodyText());
    RawHttp.Response signal = post("/api/v1/processes/grp:a/signal?signal=HUP", auth, "");
    assertEquals(200, signal.status(), signal.bodyText());
    assertTrue(api.calls.contains("signal grp:a HUP"), api.calls.toString());
    RawHttp.Response all = post("/api/v1/processes/*/stop", auth, "");
    assertEquals(200, all.status(), all.bodyText());
    assertTrue(all.bodyText().contains("All stopped at "), all.bodyText());
  }

  @Test
  void processListCarriesTheTokenForScripts() throws Exception {
    RawHttp.Response list = get("/api/v1/processes");
    assertEquals(200, list.status());
    assertEquals(TOKEN, list.header("X-CSRF-Token").orElseThrow());
    String json = list.bodyText();
    assertTrue(json.startsWith("{\"processes\":[{\"namespec\":\"grp:a\""), json);
    assertTrue(json.contains("\"stateClass\":\"running\""), json);
  }

  @Test
  void tailPageEscapesTheName() throws Exception {
    String html = get("/tail.html?processname=%3Cscript%3Ex").bodyText();
    assertTrue(html.contains("<title>Supervisor tail of process &lt;script&gt;x</title>"), html);
    assertTrue(html.contains("No such process named &lt;script&gt;x"), html);
    assertFalse(html.contains("<script>x"), html);
    api.put("grp", "<b>", ProcessState.RUNNING, 1, "pid 1");
    String found = get("/tail.html?processname=grp:%3Cb%3E").bodyText();
    assertTrue(found.contains("data-stream=\"api/v1/processes/grp%3A%3Cb%3E/tail\""), found);
    assertTrue(found.contains("<section class=\"log\" data-channel=\"stderr\">"), found);
    assertFalse(found.contains("<b>"), found);
  }

  @Test
  void tailStreamCarriesBothChannelsAsJsonText() throws Exception {
    TestPublisher stdout = api.log("web", "stdout");
    try (RawHttp http = RawHttp.connect(Listeners.address(open, "inet"))) {
      RawHttp.Response head = http.send("GET /api/v1/processes/web/tail HTTP/1.1\r\nHost: localhost\r\n\r\n").readHead();
      assertEquals(200, head.status());
      assertEquals("text/event-stream", head.header("Content-Type").orElseThrow());
      // the fake has no stderr for web: that channel says so, stdout goes on
      String seen = readUntil(http, new StringBuilder(), "event: unavailable\n");
      assertTrue(seen.contains("\"channel\":\"stderr\""), seen);
      stdout.emit("50%\r" + XSS + "\n");
      String line = readUntil(http, new StringBuilder(), "event: stdout\n");
      assertTrue(line.contains("data: \"50%\\r\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\n\"\n"), line);
    }
    assertEquals(404, get("/api/v1/processes/nosuch/tail").status());
  }

  @Test
  void mainLogStreamsToo() throws Exception {
    api.mainLog = new TestPublisher();
    try (RawHttp http = RawHttp.connect(Listeners.address(open, "inet"))) {
      http.send("GET /api/v1/mainlog/tail HTTP/1.1\r\nHost: localhost\r\n\r\n").readHead();
      api.mainLog.emit("INFO spawned\n");
      String seen = readUntil(http, new StringBuilder(), "event: log\n");
      assertTrue(seen.contains("data: \"INFO spawned\\n\""), seen);
    }
    assertTrue(get("/maintail.html").bodyText().contains("data-stream=\"api/v1/mainlog/tail\""));
  }

  @Test
  void staticFilesComeFromTheJar() throws Exception {
    RawHttp.Response js = get("/console/console.js");
    assertEquals(200, js.status());
    assertTrue(js.header("Content-Type").orElseThrow().startsWith("application/javascript"));
    assertEquals(200, get("/console/console.css").status());
    assertEquals(404, get("/console/nosuch.js").status());
    assertEquals("OK", get("/ok.html").bodyText());
  }

  @Test
  void logDownloadIsTheWholeFile() throws Exception {
    api.logText.put("web/stdout", "all of it\n" + XSS + "\n");
    RawHttp.Response file = get("/api/v1/processes/web/log/stdout");
    assertEquals(200, file.status());
    assertEquals("attachment; filename=\"web-stdout.log\"", file.header("Content-Disposition").orElseThrow());
    assertTrue(file.header("Content-Type").orElseThrow().startsWith("text/plain"));
    assertEquals("nosniff", file.header("X-Content-Type-Options").orElseThrow());
  }

  @Test
  void withAPasswordThePageAndTheEventStreamNeedCredentials() throws Exception {
    for (String path : List.of("/", "/index.html", "/tail.html?processname=web", "/api/v1/events",
        "/api/v1/processes", "/console/console.js")) {
      RawHttp.Response denied = exchange(locked, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertEquals(401, denied.status(), path);
    }
    String credentials = Base64.getEncoder().encodeToString("user:pw".getBytes(StandardCharsets.UTF_8));
    RawHttp.Response page = exchange(locked, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        + "Authorization: Basic " + credentials + "\r\n\r\n");
    assertEquals(200, page.status());
  }

  @Test
  void eventStreamSendsASnapshotThenChangedRows() throws Exception {
    try (RawHttp http = RawHttp.connect(Listeners.address(open, "inet"))) {
      RawHttp.Response head = http.send("GET /api/v1/events HTTP/1.1\r\nHost: localhost\r\n\r\n").readHead();
      assertEquals(200, head.status());
      assertEquals("text/event-stream", head.header("Content-Type").orElseThrow());
      StringBuilder seen = new StringBuilder();
      readUntil(http, seen, "event: snapshot\n");
      assertTrue(seen.toString().contains("\\u003cscript\\u003e"), seen.toString());
      api.put("web", "web", ProcessState.STOPPED, 0, "Stopped");
      String later = readUntil(http, new StringBuilder(), "event: process\n");
      assertTrue(later.contains("\"namespec\":\"web\""), later);
      assertTrue(later.contains("\"state\":\"STOPPED\""), later);
      assertFalse(later.contains("grp:a"), later); // only the row that changed
      api.put("new", "new", ProcessState.STOPPED, 0, "Not started");
      String membership = readUntil(http, new StringBuilder(), "event: snapshot\n");
      assertTrue(membership.contains("event: snapshot"), membership);
    }
  }

  private static String readUntil(RawHttp http, StringBuilder seen, String marker) throws Exception {
    while (!seen.toString().contains(marker)) {
      seen.append(http.readChunk());
    }
    return seen.toString();
  }
}
