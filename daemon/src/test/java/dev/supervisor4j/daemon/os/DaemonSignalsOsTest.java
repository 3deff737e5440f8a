package dev.supervisor4j.daemon.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor4j.daemon.testing.DaemonProcess;
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

/** The daemon's own lifecycle: SIGHUP, SIGUSR2, detaching, the pidfile, user= and minfds. */
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
