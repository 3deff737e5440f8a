package dev.supervisor4j.daemon.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor4j.daemon.compat.RealSupervisorPorts;
import dev.supervisor4j.daemon.testing.DaemonProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's own lifecycle: SIGHUP, SIGUSR2, signals ignored at launch, detaching, the pidfile,
 * user= and minfds.
 */
@Tag("os")
class DaemonSignalsOsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  @Test
  void sighupRestartsInTheSameProcessWithTheNewConfig() throws Exception {
    String conf = LifecycleOsTest.header() + "[program:one]\ncommand=sleep 1000\nstartsecs=0\n";
    try (DaemonProcess d = DaemonProcess.start(dir, conf)) {
      d.awaitLogContains("success: one entered RUNNING state", WAIT);
      Files.writeString(dir.resolve("supervisord.conf"), conf + "[program:two]\ncommand=sleep 1000\nstartsecs=0\n");
      d.signal("HUP");
      String log = d.awaitLogContains("success: two entered RUNNING state", WAIT);
      assertTrue(log.contains("WARN received SIGHUP indicating restart request"), log);
      assertTrue(log.contains("stopped: one (terminated by SIGTERM)"), log);
      assertEquals(2, DaemonProcess.count(log, "supervisord started with pid " + d.pid()), log);
      assertEquals(2, DaemonProcess.count(log, "spawned: 'one'"), log);
      assertTrue(d.process().isAlive());
    }
  }

  /**
   * SIGQUIT is an exit request, as in Supervisor (the JVM would print a thread dump and go on),
   * and the history names who sent a signal. Started as {@code java -cp …} (no launcher), so the
   * JVM blocks its signals and executes itself again: the same pid throughout.
   */
  @Test
  void quitStopsWithExitZeroAndTheHistoryNamesTheSender() throws Exception {
    int port = RealSupervisorPorts.free();
    String conf = LifecycleOsTest.header() + "[inet_http_server]\nport=127.0.0.1:" + port + "\n"
        + "[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n"
        + "[program:one]\ncommand=sleep 1000\nstartsecs=0\n";
    try (DaemonProcess d = DaemonProcess.start(dir, conf)) {
      d.awaitLogContains("success: one entered RUNNING state", WAIT);
      String status = Files.readString(Path.of("/proc/" + d.pid() + "/status"));
      assertEquals(OURS_AND_QUIT, blocked(status) & OURS_AND_QUIT, "taken by the waiting thread only: " + status);
      // A sender we know, still there when the daemon reads its name: sh prints its pid, sends the
      // signal itself (kill is a built-in) and waits for a sleep.
      Process sender = new ProcessBuilder("sh", "-c", "echo $$; kill -HUP " + d.pid() + "; sleep 3").start();
      String senderPid = new java.io.BufferedReader(new java.io.InputStreamReader(sender.getInputStream(),
          StandardCharsets.US_ASCII)).readLine().strip();
      d.awaitLog(l -> DaemonProcess.count(l, "success: one entered RUNNING state") == 2, WAIT, "restarted");
      HttpClient http = HttpClient.newHttpClient();
      String actions = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/RPC2"))
          .POST(HttpRequest.BodyPublishers.ofString(RpcBadInputOsTest.call("history.getActions",
              "<param><value><int>0</int></value></param><param><value><int>100</int></value></param>")))
          .build(), HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(actions.matches("(?s).*pid " + senderPid + " \\(uid \\d+, sh\\).*SIGHUP.*"), actions);
      assertEquals(0, sender.waitFor());

      d.signal("QUIT");
      assertEquals(0, d.awaitExit(WAIT), d.mainLog());
      String log = d.mainLog();
      assertTrue(log.contains("WARN received SIGQUIT indicating exit request"), log);
      assertTrue(log.contains("stopped: one (terminated by SIGTERM)"), log);
      assertEquals(2, DaemonProcess.count(log, "supervisord started with pid " + d.pid()), log);
      assertTrue(!d.stderr().contains("Full thread dump"), d.stderr());
    }
  }

  private static final long OURS_AND_QUIT = bit(1) | bit(2) | bit(3) | bit(12) | bit(15);

  private static long blocked(String status) {
    return status.lines().filter(l -> l.startsWith("SigBlk:"))
        .mapToLong(l -> Long.parseUnsignedLong(l.substring(7).trim(), 16)).findFirst().orElse(0);
  }

  private static long bit(int signal) {
    return 1L << (signal - 1);
  }

  /**
   * What {@code nohup} (HUP) and {@code cmd &} from a script (INT) do, and more: the daemon starts
   * with its signals ignored (coreutils' {@code env --ignore-signal}; dash's {@code trap '' CHLD}
   * would not reach the exec'd program). It must handle them anyway, as Supervisor does: HUP
   * restarts (the new generation spawns the program again, and the exit of the old one is seen, so
   * SIGCHLD is not ignored either), INT stops with exit 0.
   */
  @Test
  void signalsIgnoredAtLaunchAreHandledAnyway() throws Exception {
    List<String> ignoreAll = List.of("env", "--ignore-signal=HUP,INT,TERM,QUIT,USR2,CHLD");
    // The launcher works: what it execs starts with those six ignored.
    List<String> cat = new ArrayList<>(ignoreAll);
    cat.addAll(List.of("cat", "/proc/self/status"));
    Process probe = new ProcessBuilder(cat).start();
    String status = new String(probe.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    assumeTrue(probe.waitFor() == 0, "needs env --ignore-signal (GNU coreutils 8.31 or later)");
    assertEquals(OURS, ignored(status) & OURS, status);

    String conf = LifecycleOsTest.header() + "[program:one]\ncommand=sleep 1000\nstartsecs=0\n";
    try (DaemonProcess d = DaemonProcess.start(dir, conf, ignoreAll)) {
      String log = d.awaitLogContains("success: one entered RUNNING state", WAIT);
      long first = LifecycleOsTest.pidOf(log, "one");
      String daemonStatus = Files.readString(Path.of("/proc/" + d.pid() + "/status"));
      assertEquals(0, ignored(daemonStatus) & OURS, daemonStatus);

      d.signal("HUP");
      log = d.awaitLog(l -> DaemonProcess.count(l, "success: one entered RUNNING state") == 2, WAIT,
          "one RUNNING again after the restart");
      assertTrue(log.contains("WARN received SIGHUP indicating restart request"), log);
      assertTrue(log.contains("stopped: one (terminated by SIGTERM)"), log);
      assertEquals(2, DaemonProcess.count(log, "supervisord started with pid " + d.pid()), log);
      String restarted = log.substring(log.indexOf("received SIGHUP"));
      assertTrue(LifecycleOsTest.pidOf(restarted, "one") != first, restarted);

      d.signal("INT");
      assertEquals(0, d.awaitExit(WAIT));
      assertTrue(d.mainLog().contains("WARN received SIGINT indicating exit request"), d.mainLog());
    }
  }

  /** SIGHUP, SIGINT, SIGUSR2, SIGTERM and SIGCHLD (1, 2, 12, 15, 17) as a mask of /proc's SigIgn. */
  private static final long OURS = 1L << 0 | 1L << 1 | 1L << 2 | 1L << 11 | 1L << 14 | 1L << 16;

  private static long ignored(String procStatus) {
    return procStatus.lines().filter(l -> l.startsWith("SigIgn:")).mapToLong(
        l -> Long.parseUnsignedLong(l.substring("SigIgn:".length()).strip(), 16)).findFirst().orElseThrow();
  }

  @Test
  void sighupWithANowInvalidConfigStopsEverythingAndExitsTwo() throws Exception {
    String conf = LifecycleOsTest.header() + "[program:one]\ncommand=sleep 1000\nstartsecs=0\n";
    try (DaemonProcess d = DaemonProcess.start(dir, conf)) {
      String log = d.awaitLogContains("success: one entered RUNNING state", WAIT);
      long child = LifecycleOsTest.pidOf(log, "one");
      Files.writeString(dir.resolve("supervisord.conf"), conf + "startsecs=abc\n");
      d.signal("HUP");
      assertEquals(2, d.awaitExit(WAIT));
      assertTrue(d.mainLog().contains("stopped: one (terminated by SIGTERM)"), d.mainLog());
      assertTrue(ProcFs.all().stream().noneMatch(s -> s.pid() == child && s.state() != 'Z'), "child gone");
    }
  }

  @Test
  void sigusr2ReopensTheLogs() throws Exception {
    try (DaemonProcess d = DaemonProcess.start(dir, LifecycleOsTest.header()
        + "[program:ticker]\ncommand=sh -c 'while :; do echo tick; sleep 0.1; done'\nstartsecs=0\n"
        + "stdout_logfile=%(here)s/ticker.log\n")) {
      d.awaitLogContains("success: ticker entered RUNNING state", WAIT);
      Path ticker = dir.resolve("ticker.log");
      LifecycleOsTest.awaitTrue(() -> Files.exists(ticker) && Files.size(ticker) > 0, "ticker output");
      // What logrotate does: move the files away, then ask for a reopen.
      Files.move(ticker, dir.resolve("ticker.log.old"));
      Files.move(dir.resolve("supervisord.log"), dir.resolve("supervisord.log.old"));
      d.signal("USR2");
      LifecycleOsTest.awaitTrue(() -> Files.exists(ticker) && Files.readString(ticker).contains("tick"),
          "ticker.log reopened");
      LifecycleOsTest.awaitTrue(() -> d.mainLog().contains("supervisord logreopen"), "new main log");
      assertTrue(Files.readString(dir.resolve("supervisord.log.old"))
          .contains("INFO received SIGUSR2 indicating log reopen request"));
    }
  }

  @Test
  void withoutNodaemonItDetachesAndThePidfileHoldsTheDaemon() throws Exception {
    Path conf = dir.resolve("detached.conf");
    Files.writeString(conf, String.join("\n", "[supervisord]", "logfile=%(here)s/supervisord.log",
        "pidfile=%(here)s/supervisord.pid", "childlogdir=%(here)s", "",
        "[program:bg]", "command=sleep 1000", "startsecs=0", ""));
    List<String> cmd = new ArrayList<>(DaemonProcess.javaCommand());
    cmd.add("-c");
    cmd.add(conf.toString());
    Process launcher = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    assertTrue(launcher.waitFor(30, TimeUnit.SECONDS), "the launching process returns at once");
    assertEquals(0, launcher.exitValue());
    Path pidfile = dir.resolve("supervisord.pid");
    LifecycleOsTest.awaitTrue(() -> Files.exists(pidfile), "pidfile");
    long daemon = Long.parseLong(Files.readString(pidfile).strip());
    try {
      assertTrue(daemon != launcher.pid());
      LifecycleOsTest.awaitTrue(() -> Files.readString(dir.resolve("supervisord.log"))
          .contains("success: bg entered RUNNING state"), "bg RUNNING");
      String stat = Files.readString(Path.of("/proc/" + daemon + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      assertEquals(Long.toString(daemon), f[3], "the daemon leads its own session (no terminal)");
    } finally {
      new ProcessBuilder("kill", "-TERM", Long.toString(daemon)).start().waitFor();
    }
    LifecycleOsTest.awaitTrue(() -> !Files.exists(pidfile), "pidfile removed at exit");
  }

  @Test
  void userDropsPrivilegesAndMinfdsIsRaised() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root to drop privileges");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    try (DaemonProcess d = DaemonProcess.start(dir, LifecycleOsTest.header()
        + "user=nobody\nminfds=4096\n[program:who]\ncommand=sh -c 'id -un > %(here)s/who.txt; exec sleep 1000'\n"
        + "startsecs=0\n")) {
      String log = d.awaitLogContains("success: who entered RUNNING state", WAIT);
      assertTrue(log.matches("(?s).*INFO Set uid to user \\d+ succeeded.*"), log);
      assertTrue(!log.contains("Supervisor is running as root"), log);
      LifecycleOsTest.awaitTrue(() -> Files.exists(dir.resolve("who.txt"))
          && !Files.readString(dir.resolve("who.txt")).isBlank(), "who.txt");
      assertEquals("nobody", Files.readString(dir.resolve("who.txt")).strip());
      String status = Files.readString(Path.of("/proc/" + d.pid() + "/status"));
      assertTrue(status.lines().anyMatch(l -> l.startsWith("Uid:") && !l.contains("\t0\t")), status);
      String limits = Files.readString(Path.of("/proc/" + d.pid() + "/limits"));
      assertTrue(limits.lines().anyMatch(l -> l.startsWith("Max open files") && l.split("\\s+")[3].equals("4096")
          || l.startsWith("Max open files") && Long.parseLong(l.split("\\s+")[3]) >= 4096), limits);
    }
  }
}
