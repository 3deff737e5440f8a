package dev.supervisor4j.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.http.HttpFrontEnd;
import dev.supervisor4j.http.HttpOptions;
import dev.supervisor4j.http.testing.FakeSupervisorApi;
import dev.supervisor4j.http.testing.Listeners;
import dev.supervisor4j.http.testing.RawHttp;
import dev.supervisor4j.http.testing.RecordingLog;
import dev.supervisor4j.protocol.Caller;
import dev.supervisor4j.protocol.HistoryEntry;
import dev.supervisor4j.protocol.HistorySummary;
import dev.supervisor4j.protocol.ProcessState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The console and the ledger: who acted through the page, and the history as JSON and as a page. */
@Timeout(30)
class WebHistoryTest {
  static final String TOKEN = "test-token";
  static final String AUTH = "Authorization: Basic "
      + Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8)) + "\r\n";
  static ActorSystem<Void> system;
  static HttpFrontEnd server;
  static final FakeSupervisorApi api = new FakeSupervisorApi();
  static final List<Caller> callers = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void up() throws Exception {
    system = ActorSystem.create(Behaviors.empty(), "WebHistoryTest");
    WebConsole console = WebConsole.create(system, api, caller -> {
      callers.add(caller);
      return api;
    }, new CsrfGuard(TOKEN), Files.createTempDirectory("proc"));
    server = Listeners.bind(system, List.of(Listeners.inet("alice", "pw")),
        body -> CompletableFuture.completedFuture(new byte[0]), api, new RecordingLog(),
        HttpOptions.defaults().withExtraRoutes(List.of(console.route())));
  }

  @AfterAll
  static void down() throws Exception {
    Listeners.stop(server);
    system.terminate();
  }

  @BeforeEach
  void table() {
    api.processes.clear();
    api.calls.clear();
    callers.clear();
    api.put("web", "web", ProcessState.RUNNING, 101, "pid 101, uptime 0:01:00");
    api.history = List.of(
        new HistoryEntry.StateChange(1_000, "web", "web", ProcessState.STARTING, ProcessState.RUNNING, 101, null,
            false, ""),
        new HistoryEntry.Action(2_000, "alice", "web", "stopProcess", "web", true, "OK"),
        new HistoryEntry.StateChange(2_500, "web", "web", ProcessState.STOPPING, ProcessState.STOPPED, 101, -1,
            false, ""),
        new HistoryEntry.Daemon(3_000, "started", "pid 42"));
    api.historySummary = List.of(new HistorySummary("web", "web", 3, 1, 2, 2_500));
  }

  private static RawHttp.Response exchange(String request) throws Exception {
    try (RawHttp http = RawHttp.connect(Listeners.address(server, "inet"))) {
      return http.exchange(request);
    }
  }

  private static String host() {
    return "127.0.0.1:" + ((java.net.InetSocketAddress) Listeners.address(server, "inet")).getPort();
  }

  private static RawHttp.Response get(String path) throws Exception {
    return exchange("GET " + path + " HTTP/1.1\r\nHost: " + host() + "\r\n" + AUTH + "Connection: close\r\n\r\n");
  }

  @Test
  void anActionThroughThePageIsTakenAsTheAuthenticatedUserViaTheWeb() throws Exception {
    RawHttp.Response done = exchange("POST /api/v1/processes/web/stop HTTP/1.1\r\nHost: " + host() + "\r\n" + AUTH
        + "X-CSRF-Token: " + TOKEN + "\r\nOrigin: http://" + host() + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    assertEquals(200, done.status(), done.bodyText());
    assertEquals(1, callers.size(), callers.toString());
    assertEquals(Caller.Transport.WEB, callers.get(0).transport());
    assertEquals("alice", callers.get(0).user());
    assertEquals(List.of("stop web"), api.calls);
  }

  @Test
  void readsAreNotActions() throws Exception {
    assertEquals(200, get("/api/v1/processes").status());
    assertEquals(200, get("/history.html?processname=web").status());
    assertEquals(List.of(), callers);
  }

  @Test
  void processHistoryAsJson() throws Exception {
    RawHttp.Response r = get("/api/v1/history/processes/web?since=0&limit=50");
    assertEquals(200, r.status(), r.bodyText());
    String json = r.bodyText();
    assertTrue(json.startsWith("{\"entries\":[{\"t\":1000,\"kind\":\"state\",\"namespec\":\"web\",\"from\":\"STARTING\","
        + "\"to\":\"RUNNING\",\"pid\":101,\"exitStatus\":null,"), json);
    assertTrue(json.contains("{\"t\":2000,\"kind\":\"action\",\"user\":\"alice\",\"via\":\"web\",\"action\":\"stopProcess\","
        + "\"target\":\"web\",\"ok\":true,\"result\":\"OK\"}"), json);
    assertTrue(json.contains("\"kind\":\"daemon\",\"event\":\"started\",\"detail\":\"pid 42\""), json);
    assertEquals(List.of("getProcessHistory web"), api.calls);
  }

  @Test
  void summaryGivesRestartCountsAndLastExit() throws Exception {
    RawHttp.Response r = get("/api/v1/history/summary");
    assertEquals(200, r.status());
    assertEquals("{\"summary\":[{\"namespec\":\"web\",\"starts\":3,\"unexpectedExits\":1,\"lastExitStatus\":2,"
        + "\"lastExitMillis\":2500}]}", r.bodyText());
  }

  @Test
  void aDaemonWithoutHistoryAnswers503() throws Exception {
    api.history = null;
    for (String path : List.of("/api/v1/history/summary", "/api/v1/history/actions", "/api/v1/history/processes/web")) {
      RawHttp.Response r = get(path);
      assertEquals(503, r.status(), path);
      assertTrue(r.bodyText().contains("history is not kept by this daemon"), r.bodyText());
    }
  }

  @Test
  void historyPageIsAShellWithTheNameEscaped() throws Exception {
    RawHttp.Response page = get("/history.html?processname=%3Cscript%3Ex");
    assertEquals(200, page.status());
    String html = page.bodyText();
    assertTrue(html.contains("data-process=\"&lt;script&gt;x\""), html);
    assertFalse(html.contains("<script>x"), html);
    assertTrue(html.contains("<script src=\"console/history.js\"></script>"), html);
    assertEquals(200, get("/console/history.js").status());
  }

  @Test
  void withoutCredentialsTheHistoryIs401() throws Exception {
    RawHttp.Response r = exchange("GET /api/v1/history/summary HTTP/1.1\r\nHost: " + host()
        + "\r\nConnection: close\r\n\r\n");
    assertEquals(401, r.status());
  }
}
