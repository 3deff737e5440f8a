package dev.supervisor4j.daemon.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.testing.DaemonProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A daemon whose 50 programs crash-loop as fast as they can: once SIGTERM (or SIGHUP) is logged,
 * the old generation spawns nothing more, and the stop takes about the slowest stopwaitsecs, with
 * the ledger and without it. Supervisor 4.2.5 behaves so; we used to keep respawning for minutes.
 */
@Tag("os")
class CrashLoopStopOsTest {
  private static final Duration CRASH_LOOP = Duration.ofSeconds(10);
  private static final int STOPWAITSECS = 3;
  private static final Pattern SPAWNED = Pattern.compile("spawned: '(crash_\\d+)' with pid \\d+");

  @TempDir Path dir;

  private String config(String marker, boolean history) {
    // $0 of sh -c is the marker, so that ps finds every process of this config.
    return LifecycleOsTest.header()
        + "[history]\nenabled=" + history + "\n"
        + "[program:crash]\ncommand=sh -c 'sleep 0.2; exit 1' " + marker + "\n"
        + "process_name=%(program_name)s_%(process_num)02d\nnumprocs=50\nstartsecs=0\nautorestart=true\n"
        + "startretries=1000000\nstopasgroup=true\nstopwaitsecs=" + STOPWAITSECS + "\n";
  }

  @ParameterizedTest(name = "history enabled: {0}")
  @ValueSource(booleans = {true, false})
  void sigtermDuringACrashLoopSpawnsNothingMoreAndExits(boolean history) throws Exception {
    String marker = "crashloop-" + UUID.randomUUID();
    try (DaemonProcess d = DaemonProcess.start(dir, config(marker, history))) {
      crashLoop(d);
      long sent = System.nanoTime();
      d.signal("TERM");
      assertEquals(0, d.awaitExit(Duration.ofSeconds(STOPWAITSECS + 5)), "exit status");
      double took = (System.nanoTime() - sent) / 1e9;
      String log = d.mainLog();
      String after = log.substring(log.indexOf("received SIGTERM indicating exit request"));
      assertEquals(0, DaemonProcess.count(after, "spawned:"), "spawns after the TERM line (exit took "
          + took + " s)\n" + after);
      DaemonProcess.sleepMillis(300); // a last sleep 0.2 of a killed sh ends by itself
      assertEquals(List.of(), ProcFs.withCommandLine(marker), "processes of the config left");
    }
  }

  @ParameterizedTest(name = "history enabled: {0}")
  @ValueSource(booleans = {true, false})
  void sighupDuringACrashLoopRestartsWithTheNewGenerationOnly(boolean history) throws Exception {
    String marker = "crashloop-" + UUID.randomUUID();
    try (DaemonProcess d = DaemonProcess.start(dir, config(marker, history))) {
      crashLoop(d);
      d.signal("HUP");
      String log = d.awaitLog(l -> DaemonProcess.count(l, "supervisord started with pid") == 2
              && firstSpawnsAfterRestart(l).size() == 50,
          Duration.ofSeconds(STOPWAITSECS + 30), "the restart and a spawn of each program");
      int hup = log.indexOf("received SIGHUP indicating restart request");
      int restarted = log.indexOf("supervisord started with pid", hup);
      assertTrue(hup > 0 && restarted > hup, log);
      assertEquals(0, DaemonProcess.count(log.substring(hup, restarted), "spawned:"),
          "spawns between the HUP line and the restart\n" + log.substring(hup, restarted));
      d.signal("TERM");
      assertEquals(0, d.awaitExit(Duration.ofSeconds(STOPWAITSECS + 5)), "exit status");
      DaemonProcess.sleepMillis(300);
      assertEquals(List.of(), ProcFs.withCommandLine(marker), "processes of the config left");
    }
  }

  /** Waits until all 50 programs have crashed and been respawned, then lets them loop. */
  private static void crashLoop(DaemonProcess d) {
    d.awaitLog(l -> DaemonProcess.count(l, "exited: crash_") >= 100, Duration.ofSeconds(60), "a crash loop");
    DaemonProcess.sleepMillis(CRASH_LOOP.toMillis());
  }

  /** The programs spawned after the restart line, in order of their first spawn there. */
  private static Set<String> firstSpawnsAfterRestart(String log) {
    int first = log.indexOf("supervisord started with pid");
    int second = log.indexOf("supervisord started with pid", first + 1);
    Set<String> names = new LinkedHashSet<>();
    if (second < 0) {
      return names;
    }
    Matcher m = SPAWNED.matcher(log.substring(second));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
