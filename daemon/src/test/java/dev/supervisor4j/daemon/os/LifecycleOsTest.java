package dev.supervisor4j.daemon.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor4j.daemon.testing.DaemonProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real children under our real daemon, checked through its main log and /proc. */
@Tag("os")
class LifecycleOsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  static String header() {
    return String.join("\n",
        "[supervisord]",
        "logfile=%(here)s/supervisord.log",
        "pidfile=%(here)s/supervisord.pid",
        "childlogdir=%(here)s",
        "nodaemon=true",
        "silent=true",
        "");
  }

  @Test
  void sleepReachesRunningAfterStartsecs() throws Exception {
    try (DaemonProcess d = DaemonProcess.start(dir, header() + "[program:sleeper]\ncommand=sleep 1000\nstartsecs=1\n")) {
      String log = d.awaitLogContains("success: sleeper entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)", WAIT);
      assertTrue(log.contains("spawned: 'sleeper' with pid "), log);
      assertTrue(log.contains("supervisord started with pid " + d.pid()), log);
      assertEquals(d.pid() + "\n", Files.readString(dir.resolve("supervisord.pid")));
    }
  }

  @Test
  void exit3GoesBackoffThenFatalAfterStartretries() throws Exception {
    try (DaemonProcess d = DaemonProcess.start(dir, header()
        + "[program:exit3]\ncommand=sh -c 'exit 3'\nstartretries=2\n")) {
      String log = d.awaitLogContains("gave up: exit3 entered FATAL state, too many start retries too quickly", WAIT);
      assertEquals(3, DaemonProcess.count(log, "spawned: 'exit3' with pid"), log);
      assertEquals(3, DaemonProcess.count(log, "exited: exit3 (exit status 3; not expected)"), log);
    }
  }

  @Test
  void expectedExitWithAutorestartUnexpectedStaysExited() throws Exception {
    try (DaemonProcess d = DaemonProcess.start(dir, header()
        + "[program:ok3]\ncommand=sh -c 'sleep 0.3; exit 3'\nstartsecs=0\nexitcodes=0,3\nautorestart=unexpected\n"
        + "[program:marker]\ncommand=sh -c 'sleep 1.5; exit 0'\nstartsecs=0\nautorestart=false\n")) {
      // "marker" exits well after ok3: by then, a restart of ok3 would have been logged.
      String log = d.awaitLogContains("exited: marker (exit status 0; expected)", WAIT);
      assertTrue(log.contains("exited: ok3 (exit status 3; expected)"), log);
      assertEquals(1, DaemonProcess.count(log, "spawned: 'ok3'"), log);
    }
  }

  @Test
  void termIgnoringChildIsKilledAfterStopwaitsecs() throws Exception {
    try (DaemonProcess d = DaemonProcess.start(dir, header()
        + "[program:stubborn]\ncommand=sh -c 'trap \"\" TERM; while :; do sleep 0.1; done'\nstartsecs=0\nstopwaitsecs=1\n"
        + "stopasgroup=false\nkillasgroup=true\n")) {
      d.awaitLogContains("success: stubborn entered RUNNING state", WAIT);
      d.signal("TERM");
      assertEquals(0, d.awaitExit(WAIT));
      String log = d.mainLog();
      assertTrue(log.contains("WARN received SIGTERM indicating exit request"), log);
      assertTrue(log.matches("(?s).*WARN killing 'stubborn' \\(\\d+\\) with SIGKILL.*"), log);
      assertTrue(log.contains("WARN stopped: stubborn (terminated by SIGKILL)"), log);
    }
  }

  @Test
  void stopasgroupLeavesNoGrandchildren() throws Exception {
    try (DaemonProcess d = DaemonProcess.start(dir, header()
        + "[program:family]\ncommand=sh -c 'sleep 1000 & sleep 1000 & wait'\nstartsecs=0\nstopasgroup=true\n")) {
      String log = d.awaitLogContains("success: family entered RUNNING state", WAIT);
      long pid = pidOf(log, "family");
      awaitTrue(() -> ProcFs.groupMembers(pid).size() == 3, "sh and its two sleeps in one group");
      d.signal("TERM");
      assertEquals(0, d.awaitExit(WAIT));
      awaitTrue(() -> ProcFs.groupMembers(pid).isEmpty(), "no process left in the group");
      assertTrue(d.mainLog().contains("stopped: family (terminated by SIGTERM)"), d.mainLog());
    }
  }

  @Test
  void userNobodyRunsAsNobody() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root to switch users");
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (DaemonProcess d = DaemonProcess.start(dir, header()
        + "[program:asnobody]\ncommand=sh -c 'id -un > %(here)s/shared/user.txt; exec sleep 1000'\nuser=nobody\nstartsecs=0\n")) {
      awaitTrue(() -> Files.exists(shared.resolve("user.txt")) && Files.size(shared.resolve("user.txt")) > 0, "user.txt");
      assertEquals("nobody", Files.readString(shared.resolve("user.txt")).strip());
    }
  }

  @Test
  void umask077GivesMode600() throws Exception {
    try (DaemonProcess d = DaemonProcess.start(dir, header()
        + "[program:private]\ncommand=sh -c 'echo x > %(here)s/made.txt; exec sleep 1000'\numask=077\nstartsecs=0\n")) {
      Path made = dir.resolve("made.txt");
      awaitTrue(() -> Files.exists(made) && Files.size(made) > 0, "made.txt");
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(made);
      assertEquals("rw-------", PosixFilePermissions.toString(perms));
    }
  }

  @Test
  void environmentHoldsSupervisorVariablesInSupervisorsPrecedence() throws Exception {
    try (DaemonProcess d = DaemonProcess.start(dir, header()
        + "environment=GLOBAL=g,SHARED=from-global\n"
        + "[program:envy]\ncommand=sh -c 'env > %(here)s/env.txt; exec sleep 1000'\nstartsecs=0\n"
        + "environment=SHARED=from-program,QUOTED=\"a b,c\"\n")) {
      Path file = dir.resolve("env.txt");
      awaitTrue(() -> Files.exists(file) && Files.readString(file).contains("SUPERVISOR_ENABLED"), "env.txt");
      List<String> env = Files.readAllLines(file);
      assertTrue(env.contains("SUPERVISOR_ENABLED=1"), env.toString());
      assertTrue(env.contains("SUPERVISOR_PROCESS_NAME=envy"), env.toString());
      assertTrue(env.contains("SUPERVISOR_GROUP_NAME=envy"), env.toString());
      assertTrue(env.contains("GLOBAL=g"), env.toString());
      assertTrue(env.contains("SHARED=from-program"), env.toString());
      assertTrue(env.contains("QUOTED=a b,c"), env.toString());
      assertFalse(env.stream().anyMatch(l -> l.startsWith("SUPERVISOR_SERVER_URL=")), "no HTTP server configured");
    }
  }

  @Test
  void childrenGetTheServerUrlOfTheFirstUnixServer() throws Exception {
    try (DaemonProcess d = DaemonProcess.start(dir, header()
        + "[unix_http_server]\nfile=%(here)s/s.sock\n"
        + "[program:envy]\ncommand=sh -c 'env > %(here)s/env.txt; exec sleep 1000'\nstartsecs=0\n")) {
      Path file = dir.resolve("env.txt");
      awaitTrue(() -> Files.exists(file) && Files.readString(file).contains("SUPERVISOR_ENABLED"), "env.txt");
      assertTrue(Files.readAllLines(file).contains("SUPERVISOR_SERVER_URL=unix://" + dir.resolve("s.sock")),
          Files.readString(file));
    }
  }

  static long pidOf(String log, String name) {
    Matcher m = Pattern.compile("spawned: '" + name + "' with pid (\\d+)").matcher(log);
    assertTrue(m.find(), log);
    return Long.parseLong(m.group(1));
  }

  interface Check {
    boolean ok() throws Exception;
  }

  static void awaitTrue(Check check, String what) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (check.ok()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
