package dev.supervisor4j.daemon.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.compat.RealSupervisorPorts;
import dev.supervisor4j.daemon.testing.DaemonProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fault storm: 200 programs crash-loop for 30 s while a client calls getState and getProcessInfo
 * in a loop. Every call is answered (no fault), and the ledger has every state change (or the main
 * log counts the ones it dropped), with no failed journal. The latencies are printed, not asserted:
 * {@code bench/storm.sh} compares them with Supervisor's. Run alone with {@code -Dgroups=storm}.
 */
@Tag("os")
@Tag("storm")
class CrashLoopStormOsTest {
  private static final int PROGRAMS = 200;
  private static final Duration STORM = Duration.ofSeconds(30);
  private static final Pattern TO = Pattern.compile("<name>to</name>\\s*<value><string>([A-Z]+)</string>");

  @TempDir Path dir;

  private static String config(int port, boolean autostart) {
    return LifecycleOsTest.header()
        + "[inet_http_server]\nport=127.0.0.1:" + port + "\n"
        + "[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n"
        + "[program:crash]\ncommand=sh -c 'sleep 0.5; exit 1'\nprocess_name=%(program_name)s_%(process_num)03d\n"
        + "numprocs=" + PROGRAMS + "\nstartsecs=0\nautorestart=true\nstartretries=1000000\nstopasgroup=true\n"
        + "autostart=" + autostart + "\n";
  }

  @Test
  void everyCallIsAnsweredAndTheLedgerKeepsUp() throws Exception {
    int port = RealSupervisorPorts.free();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI rpc = URI.create("http://127.0.0.1:" + port + "/RPC2");
    String stormLog;
    try (DaemonProcess d = DaemonProcess.start(dir, config(port, true))) {
      d.awaitLog(l -> DaemonProcess.count(l, "exited: crash_") >= PROGRAMS, Duration.ofSeconds(60), "a crash loop");
      List<Long> state = new ArrayList<>();
      List<Long> info = new ArrayList<>();
      long end = System.nanoTime() + STORM.toNanos();
      while (System.nanoTime() < end) {
        state.add(call(http, rpc, RpcBadInputOsTest.call("supervisor.getState", "")));
        info.add(call(http, rpc, RpcBadInputOsTest.call("supervisor.getProcessInfo",
            RpcBadInputOsTest.str("crash:crash_007"))));
      }
      System.out.println("storm: getState " + summary(state) + "; getProcessInfo " + summary(info)
          + "; spawns " + DaemonProcess.count(d.mainLog(), "spawned:"));
      d.signal("TERM");
      assertEquals(0, d.awaitExit(Duration.ofSeconds(30)), "exit status");
      stormLog = d.mainLog();
    }
    assertFalse(stormLog.contains("history unavailable") || stormLog.contains("Failed to persist"),
        "the journal failed under the storm:\n" + tail(stormLog));

    // The same ledger, read by a daemon that starts nothing.
    try (DaemonProcess d = DaemonProcess.start(dir, config(port, false))) {
      d.awaitLogContains("supervisord started with pid " + d.pid(), Duration.ofSeconds(30));
      long missing = 0;
      for (int i = 0; i < PROGRAMS; i++) {
        String name = String.format("crash_%03d", i);
        String history = post(http, rpc, RpcBadInputOsTest.call("history.getProcessHistory",
            RpcBadInputOsTest.str("crash:" + name) + "<param><value><int>0</int></value></param>\n"
                + "<param><value><int>100000</int></value></param>\n"));
        missing += Math.max(0, count(stormLog, "spawned: '" + name + "'") - count(history, "STARTING"));
        missing += Math.max(0, count(stormLog, "success: " + name + " entered RUNNING") - count(history, "RUNNING"));
        missing += Math.max(0, count(stormLog, "exited: " + name + " ") - count(history, "EXITED"));
      }
      long dropped = loggedDrops(stormLog + d.mainLog());
      assertTrue(missing <= dropped, missing + " state changes are missing from the ledger, " + dropped
          + " drops were logged");
    }
  }

  /** One call; its latency in ms. Fails on a fault or an error status. */
  private static long call(HttpClient http, URI rpc, String body) throws Exception {
    long start = System.nanoTime();
    String reply = post(http, rpc, body);
    assertFalse(reply.contains("<fault>"), reply);
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static String post(HttpClient http, URI rpc, String body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(rpc).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  private static long count(String text, String what) {
    if (what.equals("STARTING") || what.equals("RUNNING") || what.equals("EXITED")) {
      Matcher m = TO.matcher(text);
      long n = 0;
      while (m.find()) {
        n += m.group(1).equals(what) ? 1 : 0;
      }
      return n;
    }
    return DaemonProcess.count(text, what);
  }

  /** The sum of the main log's "history: N events were lost" counts. */
  private static long loggedDrops(String log) {
    Matcher m = Pattern.compile("history: (\\d+) events were lost").matcher(log);
    long n = 0;
    while (m.find()) {
      n += Long.parseLong(m.group(1));
    }
    return n;
  }

  private static String summary(List<Long> ms) {
    List<Long> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    return String.format("n=%d median=%d ms p99=%d ms max=%d ms", sorted.size(), sorted.get(sorted.size() / 2),
        sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * 0.99) - 1)), sorted.get(sorted.size() - 1));
  }

  private static String tail(String log) {
    return log.substring(Math.max(0, log.length() - 4000));
  }
}
