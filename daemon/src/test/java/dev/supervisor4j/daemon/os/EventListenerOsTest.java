package dev.supervisor4j.daemon.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor4j.daemon.compat.RealSupervisorPorts;
import dev.supervisor4j.daemon.testing.DaemonProcess;
import dev.supervisor4j.daemon.testing.ListenerScript;
import dev.supervisor4j.daemon.testing.ListenerScript.Received;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real listeners (the system Python) under our real daemon: rejections, overflow, capture, remote events. */
@Tag("os")
class EventListenerOsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  Path script;

  @BeforeEach
  void install() throws Exception {
    assumeTrue(Files.isExecutable(ListenerScript.PYTHON), "needs /usr/bin/python3 for the test listener");
    script = ListenerScript.install(dir);
  }

  private String header() {
    return LifecycleOsTest.header();
  }

  private String listener(String name, String events, String mode, String... extra) {
    return "[eventlistener:" + name + "]\ncommand=" + ListenerScript.command(script, dir.resolve(name + ".txt"), mode)
        + "\nevents=" + events + "\n" + String.join("\n", extra) + "\n";
  }

  @Test
  void failGetsTheSameEventAgainWithTheSameSerial() throws Exception {
    try (DaemonProcess d = DaemonProcess.start(dir, header()
        + listener("picky", "PROCESS_STATE", "fail-once")
        + "[program:sleeper]\ncommand=sleep 1000\nstartsecs=0\n")) {
      List<Received> got = ListenerScript.await(dir.resolve("picky.txt"),
          all -> all.stream().filter(r -> r.payload().contains("processname:sleeper ")).count() >= 4, WAIT,
          "sleeper's STARTING and RUNNING, each twice");
      // Each event comes twice in a row, the second time identical (serial, poolserial, payload).
      for (int i = 0; i + 1 < got.size(); i += 2) {
        assertEquals(got.get(i), got.get(i + 1), "event " + i + " of " + got);
      }
      assertTrue(d.mainLog().contains("WARN picky: event was rejected"), d.mainLog());
    }
  }

  @Test
  void aSlowListenerLosesTheOldestEventsAndTheMainLogSaysSo() throws Exception {
    try (DaemonProcess d = DaemonProcess.start(dir, header()
        + listener("slow", "PROCESS_STATE", "slow1", "buffer_size=3")
        + "[program:flapper]\ncommand=sh -c 'exit 3'\nstartretries=4\n")) {
      String log = d.awaitLogContains("event buffer overflowed", WAIT);
      d.awaitLogContains("gave up: flapper entered FATAL state", WAIT);
      Matcher m = Pattern.compile("ERRO pool slow event buffer overflowed, discarding event (\\d+)").matcher(d.mainLog());
      Set<Long> dropped = new TreeSet<>();
      while (m.find()) {
        dropped.add(Long.parseLong(m.group(1)));
      }
      assertFalse(dropped.isEmpty(), log);
      // The last events are kept (the oldest go): the listener ends with flapper's FATAL.
      List<Received> got = ListenerScript.await(dir.resolve("slow.txt"),
          all -> all.stream().anyMatch(r -> r.eventName().equals("PROCESS_STATE_FATAL")), WAIT, "flapper's FATAL");
      for (Received r : got) {
        assertFalse(dropped.contains(r.serial()), "got dropped event " + r + "; dropped " + dropped);
      }
      long lastDropped = dropped.stream().mapToLong(Long::longValue).max().getAsLong();
      assertTrue(got.get(got.size() - 1).serial() > lastDropped, got + " dropped " + dropped);
    }
  }

  @Test
  void aMarkedBlockMakesOneCommunicationEventWithExactlyTheEnclosedData() throws Exception {
    Path child = dir.resolve("comm.sh");
    Files.writeString(child, "#!/bin/sh\n"
        + "printf 'before <!--XSUPERVISOR:BEGIN-->captured\\n  data<!--XSUPERVISOR:END--> after\\n'\n"
        + "exec sleep 1000\n");
    child.toFile().setExecutable(true);
    try (DaemonProcess d = DaemonProcess.start(dir, header()
        + listener("comms", "PROCESS_COMMUNICATION", "ok")
        + listener("logs", "PROCESS_LOG", "ok")
        + "[program:comm]\ncommand=" + child + "\nstartsecs=0\nstdout_capture_maxbytes=1MB\n"
        + "stdout_logfile=%(here)s/comm.log\nstdout_events_enabled=true\n")) {
      List<Received> got = ListenerScript.await(dir.resolve("comms.txt"), all -> !all.isEmpty(), WAIT, "a comm event");
      Thread.sleep(1000); // and no second one
      got = ListenerScript.read(dir.resolve("comms.txt"));
      assertEquals(1, got.size(), got.toString());
      Received r = got.get(0);
      assertEquals("PROCESS_COMMUNICATION_STDOUT", r.eventName());
      assertTrue(r.payload().matches("processname:comm groupname:comm pid:\\d+\ncaptured\n  data"), r.payload());
      assertEquals(r.payload().length(), Integer.parseInt(r.headers().get("len")));
      assertEquals("before  after\n", Files.readString(dir.resolve("comm.log")));
      // PROCESS_LOG_STDOUT: one event per piece, the captured piece too (as Supervisor 4.2.5 does).
      List<Received> logs = ListenerScript.await(dir.resolve("logs.txt"), all -> all.size() >= 3, WAIT, "3 log events");
      StringBuilder data = new StringBuilder();
      for (Received l : logs) {
        assertEquals("PROCESS_LOG_STDOUT", l.eventName());
        String[] parts = l.payload().split("\n", 2);
        assertTrue(parts[0].matches("processname:comm groupname:comm pid:\\d+ channel:stdout"), parts[0]);
        data.append(parts[1]);
      }
      assertEquals("before captured\n  data after\n", data.toString());
    }
  }

  @Test
  void sendRemoteCommEventOverXmlRpcReachesTheListener() throws Exception {
    int port = RealSupervisorPorts.free();
    try (DaemonProcess d = DaemonProcess.start(dir, header()
        + "[inet_http_server]\nport=127.0.0.1:" + port + "\n"
        + "[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n"
        + listener("remote", "REMOTE_COMMUNICATION", "ok"))) {
      d.awaitLogContains("success: remote entered RUNNING state", WAIT);
      String body = "<?xml version='1.0'?><methodCall><methodName>supervisor.sendRemoteCommEvent</methodName><params>"
          + "<param><value><string>mytype</string></value></param>"
          + "<param><value><string>my data \u00e9</string></value></param></params></methodCall>";
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/RPC2"))
              .header("Content-Type", "text/xml")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertTrue(response.body().contains("<boolean>1</boolean>"), response.body());
      List<Received> got = ListenerScript.await(dir.resolve("remote.txt"), all -> !all.isEmpty(), WAIT, "the remote event");
      assertEquals("REMOTE_COMMUNICATION", got.get(0).eventName());
      assertEquals("21", got.get(0).headers().get("len")); // code points: the é is one
      assertEquals("type:mytype\nmy data \\xe9", got.get(0).payload()); // the script escapes non-ASCII
    }
  }
}
