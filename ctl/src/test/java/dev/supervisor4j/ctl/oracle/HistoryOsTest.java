package dev.supervisor4j.ctl.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger end to end: our daemon (the jar the reactor built before this module), its H2 journal
 * on disk, our supervisorctl. An operator stop over TCP with a password survives SIGTERM and
 * {@code kill -9} in the history; {@code remember_stopped} keeps that program stopped across the
 * restart; a journal that is locked or corrupt leaves supervision alone and makes {@code history}
 * answer with an error.
 */
@Tag("os")
class HistoryOsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final java.util.regex.Pattern TIME =
      java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

  @BeforeEach
  void needsOurDaemon() {
    Assumptions.assumeTrue(OurDaemon.built(), OurDaemon.ABSENT);
  }

  @TempDir Path dir;

  private static String config(int port, String history) {
    return String.join("\n",
        "[supervisord]",
        "logfile=%(here)s/supervisord.log",
        "pidfile=%(here)s/supervisord.pid",
        "childlogdir=%(here)s",
        "nodaemon=true",
        "silent=true",
        "[unix_http_server]",
        "file=%(here)s/s.sock",
        "[inet_http_server]",
        "port=127.0.0.1:" + port,
        "username=alice",
        "password=s3cret",
        "[supervisorctl]",
        "serverurl=unix://%(here)s/s.sock",
        "[program:keep]",
        "command=sleep 1000",
        "startsecs=0",
        "[program:other]",
        "command=sleep 1000",
        "startsecs=0",
        "[program:third]",
        "command=sleep 1000",
        "startsecs=0",
        "[history]",
        history,
        "");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Our supervisorctl, in this JVM: {@code [exit status, output (stdout then stderr)]}. */
  private Result ctl(String... args) {
    List<String> argv = new ArrayList<>(List.of("-c", dir.resolve("supervisord.conf").toString()));
    argv.addAll(List.of(args));
    long started = System.nanoTime();
    Ctl.Result r = Ctl.oursRaw(argv, "");
    return new Result(r.code(), r.out() + r.err(), Duration.ofNanos(System.nanoTime() - started));
  }

  record Result(int exit, String out, Duration took) {}

  /** Polls {@code status} until every line satisfies the expectation for its program. */
  private String awaitStatus(Predicate<String> test, String what) throws Exception {
    return awaitStatus(test, what, WAIT);
  }

  private String awaitStatus(Predicate<String> test, String what, Duration wait) throws Exception {
    long deadline = System.nanoTime() + wait.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      last = ctl("status").out();
      if (test.test(last)) {
        return last;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out waiting for " + what + "; last status:\n" + last);
  }

  private static boolean state(String status, String program, String state) {
    return status.lines().anyMatch(l -> l.startsWith(program + " ") && l.contains(" " + state + " "));
  }

  private static boolean allRunning(String status) {
    return state(status, "keep", "RUNNING") && state(status, "other", "RUNNING") && state(status, "third", "RUNNING");
  }

  private Result stopOverTcpWithPassword(int port, String program) throws Exception {
    Result stop = ctl("-s", "http://127.0.0.1:" + port, "-u", "alice", "-p", "s3cret", "stop", program);
    assertEquals(0, stop.exit(), stop.out());
    assertEquals(program + ": stopped\n", stop.out());
    return stop;
  }

  @Test
  void anOperatorStopSurvivesSigtermAndStaysStoppedWithRememberStopped() throws Exception {
    int port = freePort();
    String conf = config(port, "remember_stopped = true");
    try (OurDaemon d = OurDaemon.start(dir, conf)) {
      awaitStatus(HistoryOsTest::allRunning, "all RUNNING");
      stopOverTcpWithPassword(port, "keep");
      d.signal("TERM");
      assertEquals(0, d.awaitExit(WAIT));
    }
    try (OurDaemon d = OurDaemon.start(dir, conf)) {
      String status = awaitStatus(s -> state(s, "other", "RUNNING") && state(s, "third", "RUNNING"),
          "the others RUNNING after the restart");
      assertTrue(state(status, "keep", "STOPPED"), status);
      d.awaitLogContains("not starting keep: an operator stopped it before the restart", WAIT);
      Thread.sleep(1500); // and it stays stopped: no late autostart
      assertTrue(state(ctl("status").out(), "keep", "STOPPED"));

      Result history = ctl("history", "keep");
      assertEquals(0, history.exit(), history.out());
      List<String> lines = history.out().lines().toList();
      String action = lines.stream().filter(l -> l.contains("stopProcess")).findFirst()
          .orElseThrow(() -> new AssertionError(history.out()));
      assertTrue(TIME.matcher(action).lookingAt(), action);
      assertTrue(action.contains(" keep ") && action.contains("stopProcess by alice via tcp: OK"), action);
      int at = lines.indexOf(action);
      assertTrue(lines.subList(at, lines.size()).stream()
          .anyMatch(l -> l.contains(" STOPPED ") && l.contains("terminated by a signal")), history.out());
      assertTrue(d.mainLog().lines().noneMatch(l -> l.contains("CRIT history")), d.mainLog());

      // An operator start forgets the stop.
      assertEquals(0, ctl("start", "keep").exit());
      String actions = ctl("history").out();
      // The sender is named (its pid and uid; its command too while it still runs).
      assertTrue(actions.matches("(?s).*SIGTERM by pid \\d+ \\(uid \\d+[^)]*\\) via signal: shutdown.*"), actions);
      assertTrue(actions.contains("startProcess by root via unix: OK")
          || actions.matches("(?s).*startProcess by \\S+ via unix: OK.*"), actions);
    }
  }

  @Test
  void withoutRememberStoppedEveryAutostartProgramStartsAgain() throws Exception {
    int port = freePort();
    String conf = config(port, "retention_days = 7");
    try (OurDaemon d = OurDaemon.start(dir, conf)) {
      awaitStatus(HistoryOsTest::allRunning, "all RUNNING");
      stopOverTcpWithPassword(port, "keep");
      d.signal("TERM");
      assertEquals(0, d.awaitExit(WAIT));
    }
    try (OurDaemon d = OurDaemon.start(dir, conf)) {
      awaitStatus(HistoryOsTest::allRunning, "all RUNNING after the restart");
      assertTrue(ctl("history", "keep").out().contains("stopProcess by alice via tcp: OK"));
    }
  }

  @Test
  void anAcknowledgedActionSurvivesKillDashNine() throws Exception {
    int port = freePort();
    String conf = config(port, "");
    List<Long> orphans = new ArrayList<>();
    try {
      try (OurDaemon d = OurDaemon.start(dir, conf)) {
        awaitStatus(HistoryOsTest::allRunning, "all RUNNING");
        d.process().children().forEach(c -> orphans.add(c.pid()));
        stopOverTcpWithPassword(port, "keep");
        d.process().destroyForcibly(); // SIGKILL, right after the acknowledgement
        d.process().waitFor(10, TimeUnit.SECONDS);
      }
      orphans.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
      Files.deleteIfExists(dir.resolve("s.sock"));
      try (OurDaemon d = OurDaemon.start(dir, conf)) {
        awaitStatus(s -> state(s, "other", "RUNNING"), "RUNNING after the restart");
        Result history = ctl("history", "keep");
        assertTrue(history.out().contains("stopProcess by alice via tcp: OK"), history.out());
      }
    } finally {
      orphans.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }
  }

  @Test
  void aLockedJournalLeavesSupervisionAloneAndHistoryAnswersWithAnError() throws Exception {
    // Another process holding the H2 file: this JVM, with H2's own file lock.
    String url = "jdbc:h2:file:" + dir.resolve("supervisord-history");
    try (Connection holder = DriverManager.getConnection(url, "sa", "")) {
      assertUnavailableButSupervising("remember_stopped = true");
    }
  }

  @Test
  void aCorruptJournalLeavesSupervisionAloneAndHistoryAnswersWithAnError() throws Exception {
    byte[] garbage = new byte[64 * 1024];
    new java.util.Random(7).nextBytes(garbage);
    Files.write(dir.resolve("supervisord-history.mv.db"), garbage);
    assertUnavailableButSupervising("");
  }

  private void assertUnavailableButSupervising(String history) throws Exception {
    try (OurDaemon d = OurDaemon.start(dir, config(freePort(), history))) {
      awaitStatus(HistoryOsTest::allRunning, "all RUNNING despite the journal");
      d.awaitLog(log -> log.contains("CRIT history unavailable"), WAIT, "CRIT history unavailable");
      Result answer = ctl("history", "keep");
      assertEquals(1, answer.exit(), answer.out());
      assertTrue(answer.out().startsWith("ERROR: history unavailable: "), answer.out());
      assertTrue(answer.took().compareTo(Duration.ofSeconds(15)) < 0, "took " + answer.took());
      // Operator actions still work, and the daemon still stops cleanly.
      assertEquals(0, ctl("stop", "keep").exit());
      d.signal("TERM");
      assertEquals(0, d.awaitExit(WAIT));
    }
  }

  @Test
  void aHostileNameLeavesHistoryWorking() throws Exception {
    int port = freePort();
    try (OurDaemon d = OurDaemon.start(dir, config(port, ""))) {
      awaitStatus(HistoryOsTest::allRunning, "all RUNNING");
      String tcp = "http://127.0.0.1:" + port;
      String longName = "a".repeat(70_000);
      // Authenticated, over XML-RPC: startProcess and addProcessGroup with names no ledger row can hold.
      Result start = ctl("-s", tcp, "-u", "alice", "-p", "s3cret", "start", longName);
      assertTrue(start.out().contains("ERROR (no such process)"), start.out().substring(0, 80));
      Result add = ctl("-s", tcp, "-u", "alice", "-p", "s3cret", "add", "b".repeat(100_000));
      assertTrue(add.out().contains("ERROR"), add.out().substring(0, 80));
      Result emoji = ctl("-s", tcp, "-u", "alice", "-p", "s3cret", "start", "web\uD83D\uDE80");
      assertTrue(emoji.out().contains("ERROR (no such process)"), emoji.out());
      // A normal action right after is recorded at once, and history answers.
      stopOverTcpWithPassword(port, "keep");
      Result keep = ctl("history", "keep");
      assertEquals(0, keep.exit(), keep.out());
      assertTrue(keep.out().contains("stopProcess by alice via tcp: OK"), keep.out());
      Result actions = ctl("history");
      assertEquals(0, actions.exit(), actions.out());
      String truncated = actions.out().lines().filter(l -> l.contains("startProcess by alice") && l.contains(" aaaa"))
          .findFirst().orElseThrow(() -> new AssertionError(actions.out()));
      assertTrue(truncated.matches(".* a{900,1000}\u2026\\[truncated \\d+ chars\\] startProcess by alice via tcp: .*"),
          truncated.substring(0, 40) + "…" + truncated.substring(Math.max(0, truncated.length() - 120)));
      assertTrue(truncated.length() < 3_000, "line of " + truncated.length());
      assertTrue(actions.out().contains("addProcessGroup by alice via tcp"), "no addProcessGroup");
      assertTrue(actions.out().contains("web\uD83D\uDE80"), "no emoji name");
      assertTrue(actions.out().contains("stopProcess by alice via tcp: OK"), "no stopProcess");
      String log = d.mainLog();
      assertTrue(log.lines().noneMatch(l -> l.contains("CRIT history") || l.contains("events were lost")
          || l.contains("could not be recorded")), log);
    }
  }

  /** Five programs: plain ones, one with a grandchild stopped as a group, one that ignores SIGTERM. */
  private static String fivePrograms(int port) {
    return config(port, "").replace("[history]", String.join("\n",
        "[program:fourth]",
        "command=sh -c 'sleep 1000 & wait'",
        "stopasgroup=true",
        "[program:stubborn]",
        "command=sh -c \"trap '' TERM; exec sleep 1000\"",
        "stopwaitsecs=1",
        "[history]"));
  }

  private static boolean fiveRunning(String status) {
    return allRunning(status) && state(status, "fourth", "RUNNING") && state(status, "stubborn", "RUNNING");
  }

  /**
   * Alive and not a zombie: a stopped orphan belongs to PID 1 (or a subreaper), which may take a
   * moment to reap it, and ProcessHandle.isAlive is true for a zombie.
   */
  private static boolean alive(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException | RuntimeException e) {
      return false; // gone
    }
  }

  @Test
  void theChildrenOfAKilledDaemonAreStoppedBeforeTheNextOneSpawnsItsOwn() throws Exception {
    int port = freePort();
    String conf = fivePrograms(port);
    List<Long> old = new ArrayList<>();
    try {
      try (OurDaemon d = OurDaemon.start(dir, conf)) {
        awaitStatus(HistoryOsTest::fiveRunning, "five RUNNING");
        d.process().descendants().forEach(c -> old.add(c.pid())); // the five and fourth's grandchild
        assertEquals(6, old.size(), String.valueOf(old));
        // The journal opens a moment after the autostart (children spawned before are recorded once
        // it is open, at once): wait until history answers for each, then give the writes a moment.
        for (String name : FIVE) {
          awaitHistory(name);
        }
        Thread.sleep(2_000);
        d.process().destroyForcibly(); // kill -9: the children live on
        assertTrue(d.process().waitFor(10, TimeUnit.SECONDS));
      }
      assertTrue(old.stream().allMatch(HistoryOsTest::alive), "orphans expected alive after kill -9: " + old);
      assertEquals(FIVE.size(), recordedStreams(), "process streams in the journal at the kill");
      Files.deleteIfExists(dir.resolve("s.sock"));
      int before = OurDaemonLog.lines(dir).size();

      try (OurDaemon d = OurDaemon.start(dir, conf)) {
        // The autostart waits for the journal and for the stubborn orphan's stopwaitsecs.
        String status = awaitStatus(HistoryOsTest::fiveRunning, "five RUNNING after the restart", SLOW_START);
        List<String> log = OurDaemonLog.lines(dir).subList(before, OurDaemonLog.lines(dir).size());
        List<Integer> orphanLines = new ArrayList<>();
        for (String name : FIVE) {
          int at = indexOf(log, l -> l.contains("stopped orphan of previous run: " + name + " (pid "));
          assertTrue(at >= 0, "no orphan line for " + name + ":\n" + String.join("\n", log));
          long pid = Long.parseLong(log.get(at).replaceAll(".*\\(pid (\\d+)\\).*", "$1"));
          assertTrue(old.contains(pid), "stopped pid " + pid + " was not one of the old children " + old);
          orphanLines.add(at);
        }
        int firstSpawn = indexOf(log, l -> l.contains("spawned: "));
        assertTrue(firstSpawn > orphanLines.stream().mapToInt(i -> i).max().orElseThrow(),
            "a spawn before the orphans were stopped:\n" + String.join("\n", log));
        assertTrue(log.stream().anyMatch(l -> l.contains("killing orphan 'stubborn'") && l.contains("SIGKILL")),
            String.join("\n", log));
        assertTrue(old.stream().noneMatch(HistoryOsTest::alive), "old children still alive: " + old);
        for (long pid : old) {
          assertTrue(!status.contains("pid " + pid + ","), "an old pid is running again: " + pid + "\n" + status);
        }

        Result actions = ctl("history");
        assertEquals(0, actions.exit(), actions.out());
        assertEquals(5, actions.out().lines().filter(l -> l.contains("stopped-orphan (of previous run: ")).count(),
            actions.out());
        assertTrue(actions.out().contains("stubborn (pid "), actions.out());
        assertTrue(actions.out().lines().anyMatch(l -> l.contains("stubborn (pid ") && l.contains("SIGTERM, then SIGKILL")),
            actions.out());
        Result keep = ctl("history", "keep");
        assertTrue(keep.out().contains("stopped-orphan (of previous run: keep (pid "), keep.out());

        // A clean stop removes the pidfile: the next start looks for nothing.
        d.signal("TERM");
        assertEquals(0, d.awaitExit(WAIT));
      }
      before = OurDaemonLog.lines(dir).size();
      try (OurDaemon d = OurDaemon.start(dir, conf)) {
        awaitStatus(HistoryOsTest::fiveRunning, "five RUNNING after a clean restart");
        List<String> log = OurDaemonLog.lines(dir);
        assertTrue(log.subList(before, log.size()).stream().noneMatch(l -> l.contains("orphan")), String.join("\n", log));
      }
    } finally {
      old.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }
  }

  /** A start that reads the journal first, on a machine that may be busy. */
  private static final Duration SLOW_START = Duration.ofSeconds(120);
  private static final List<String> FIVE = List.of("keep", "other", "third", "fourth", "stubborn");

  private void awaitHistory(String name) throws InterruptedException {
    long deadline = System.nanoTime() + SLOW_START.toNanos();
    Result last = null;
    while (System.nanoTime() < deadline) {
      last = ctl("history", name);
      if (last.exit() == 0 && last.out().contains(" RUNNING ")) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("history of " + name + " never answered: " + (last == null ? "" : last.out()));
  }

  /** How many process streams have rows in the H2 journal (read after the daemon is gone). */
  private long recordedStreams() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("supervisord-history");
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        var rs = c.createStatement().executeQuery("SELECT COUNT(DISTINCT \"persistence_id\") FROM \"event_journal\""
            + " WHERE \"persistence_id\" LIKE 'process|%'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static int indexOf(List<String> lines, Predicate<String> test) {
    for (int i = 0; i < lines.size(); i++) {
      if (test.test(lines.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The main log's lines (it is appended to across runs in one directory). */
  private static final class OurDaemonLog {
    static List<String> lines(Path dir) throws IOException {
      Path log = dir.resolve("supervisord.log");
      return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }
  }
}
