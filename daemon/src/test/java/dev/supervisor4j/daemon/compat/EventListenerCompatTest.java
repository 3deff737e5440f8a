package dev.supervisor4j.daemon.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor4j.daemon.testing.DaemonProcess;
import dev.supervisor4j.daemon.testing.ListenerScript.Received;
import dev.supervisor4j.daemon.testing.ListenerScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listener written with Debian's {@code supervisor.childutils} gets the PROCESS_STATE_* events
 * of a crashing program and of a failing one, acknowledges each, and sees what it sees under
 * Supervisor 4.2.5 on the same config: the same events, in the same order per process, with the
 * same payloads (pids aside). A second listener watches the daemon's own and the groups' events.
 */
@Tag("compat")
class EventListenerCompatTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path oursDir;
  @TempDir Path realDir;

  static String config(Path dir) throws Exception {
    Path script = ListenerScript.install(dir);
    return String.join("\n",
        "[supervisord]",
        "logfile=%(here)s/supervisord.log",
        "pidfile=%(here)s/supervisord.pid",
        "childlogdir=%(here)s",
        "nodaemon=true",
        "loglevel=debug",
        "identifier=myident",
        "[eventlistener:listener]",
        "command=" + ListenerScript.command(script, dir.resolve("states.txt"), "ok"),
        "events=PROCESS_STATE",
        "buffer_size=50",
        "[eventlistener:watcher]",
        "command=" + ListenerScript.command(script, dir.resolve("daemon.txt"), "ok"),
        "events=SUPERVISOR_STATE_CHANGE,PROCESS_GROUP",
        "[program:crasher]",
        "command=sh -c 'sleep 1.5; exit 1'",
        "startsecs=1",
        "autorestart=false",
        "[program:failer]",
        "command=sh -c 'exit 3'",
        "startretries=1",
        "");
  }

  /** Done when the crasher has exited and the failer has given up. */
  static final Predicate<List<Received>> SETTLED = got ->
      got.stream().anyMatch(r -> r.eventName().equals("PROCESS_STATE_EXITED") && r.payload().contains("processname:crasher "))
          && got.stream().anyMatch(r -> r.eventName().equals("PROCESS_STATE_FATAL") && r.payload().contains("processname:failer "));

  @Test
  void childutilsListenerSeesWhatItSeesUnderSupervisor() throws Exception {
    assumeTrue(ListenerScript.childutilsAvailable(),
        "needs Debian's supervisor package (supervisor.childutils for /usr/bin/python3)");
    List<Received> ours;
    List<Received> oursDaemon;
    try (DaemonProcess d = DaemonProcess.start(oursDir, config(oursDir))) {
      ours = ListenerScript.await(oursDir.resolve("states.txt"), SETTLED, WAIT, "the crasher's and failer's end");
      oursDaemon = ListenerScript.await(oursDir.resolve("daemon.txt"), got -> got.size() >= 4, WAIT, "4 daemon events");
      Thread.sleep(500); // nothing more may come
      ours = ListenerScript.read(oursDir.resolve("states.txt"));
      String log = d.mainLog();
      assertFalse(log.contains("UNKNOWN state"), log);
      assertTrue(log.contains("DEBG listener: event was processed"), log);
    }
    assertWellFormed(ours);

    assumeTrue(RealSupervisor.daemonInstalled(), "needs /usr/bin/supervisord to compare with");
    Files.writeString(realDir.resolve("supervisord.conf"), config(realDir));
    Process real = RealSupervisor.startDaemon(realDir.resolve("supervisord.conf"));
    List<Received> theirs;
    List<Received> theirsDaemon;
    try {
      theirs = ListenerScript.await(realDir.resolve("states.txt"), SETTLED, WAIT, "the crasher's and failer's end (real)");
      theirsDaemon = ListenerScript.await(realDir.resolve("daemon.txt"), got -> got.size() >= 4, WAIT, "4 daemon events (real)");
      Thread.sleep(500);
      theirs = ListenerScript.read(realDir.resolve("states.txt"));
    } finally {
      real.destroy();
      real.waitFor();
    }
    assertEquals(perProcess(theirs), perProcess(ours));
    assertEquals(names(theirsDaemon), names(oursDaemon));
    assertEquals(List.of("PROCESS_GROUP_ADDED|groupname:watcher\n", "PROCESS_GROUP_ADDED|groupname:crasher\n",
        "PROCESS_GROUP_ADDED|groupname:failer\n", "SUPERVISOR_STATE_CHANGE_RUNNING|"), names(oursDaemon));
    assertEquals(List.of("PROCESS_STATE_STARTING", "PROCESS_STATE_RUNNING", "PROCESS_STATE_EXITED"),
        perProcess(ours).get("crasher").stream().map(s -> s.split("\\|")[0]).toList());
    assertEquals(List.of("PROCESS_STATE_STARTING", "PROCESS_STATE_BACKOFF", "PROCESS_STATE_STARTING",
        "PROCESS_STATE_BACKOFF", "PROCESS_STATE_FATAL"),
        perProcess(ours).get("failer").stream().map(s -> s.split("\\|")[0]).toList());
  }

  /** Each process's events in order, as {@code NAME|payload}, pids masked. */
  static Map<String, List<String>> perProcess(List<Received> events) {
    return events.stream().collect(Collectors.groupingBy(r -> r.tokens().get("processname"), TreeMap::new,
        Collectors.mapping(r -> r.eventName() + "|" + r.payload().replaceAll("pid:\\d+", "pid:N"), Collectors.toList())));
  }

  static List<String> names(List<Received> events) {
    return events.stream().map(r -> r.eventName() + "|" + r.payload()).toList();
  }

  /** The spec's fields for each PROCESS_STATE_* type, serials in order, len in code points. */
  static void assertWellFormed(List<Received> events) {
    Map<String, Set<String>> extras = Map.of(
        "PROCESS_STATE_STARTING", Set.of("tries"),
        "PROCESS_STATE_BACKOFF", Set.of("tries"),
        "PROCESS_STATE_RUNNING", Set.of("pid"),
        "PROCESS_STATE_EXITED", Set.of("expected", "pid"),
        "PROCESS_STATE_FATAL", Set.of());
    long lastPoolSerial = -1;
    for (Received r : events) {
      assertEquals(List.of("ver", "server", "serial", "pool", "poolserial", "eventname", "len"),
          List.copyOf(r.headers().keySet()), r.toString());
      assertEquals("3.0", r.headers().get("ver"));
      assertEquals("myident", r.headers().get("server"));
      assertEquals("listener", r.headers().get("pool"));
      long poolSerial = Long.parseLong(r.headers().get("poolserial"));
      assertTrue(poolSerial > lastPoolSerial, r.toString());
      lastPoolSerial = poolSerial;
      Map<String, String> tokens = r.tokens();
      assertEquals(List.of("processname", "groupname", "from_state"), List.copyOf(tokens.keySet()).subList(0, 3), r.toString());
      assertEquals(tokens.get("processname"), tokens.get("groupname"));
      Set<String> rest = new HashSet<>(tokens.keySet());
      rest.removeAll(Set.of("processname", "groupname", "from_state"));
      assertEquals(extras.get(r.eventName()), rest, r.toString());
      assertEquals(r.payload().codePointCount(0, r.payload().length()), Integer.parseInt(r.headers().get("len")));
    }
  }
}
