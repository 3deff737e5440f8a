package dev.supervisor4j.daemon.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.testing.DaemonProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to a daemon running 50 programs: an orderly stop, exit 0, nothing left behind. */
@Tag("os")
class ShutdownOsTest {
  @TempDir Path dir;

  @Test
  void sigtermStopsFiftyProgramsAndExitsZero() throws Exception {
    StringBuilder conf = new StringBuilder(LifecycleOsTest.header());
    for (int i = 0; i < 50; i++) {
      conf.append("[program:p").append(i).append("]\ncommand=sleep 1000\nstartsecs=0\npriority=").append(i % 5)
          .append("\n");
    }
    try (DaemonProcess d = DaemonProcess.start(dir, conf.toString())) {
      d.awaitLog(log -> DaemonProcess.count(log, "entered RUNNING state") == 50, Duration.ofSeconds(60),
          "50 programs RUNNING");
      List<Long> children = new ArrayList<>();
      ProcFs.childrenOf(d.pid()).forEach(s -> children.add(s.pid()));
      assertEquals(50, children.size(), "children of the daemon: " + children);

      d.signal("TERM");
      assertEquals(0, d.awaitExit(Duration.ofSeconds(60)));
      String log = d.mainLog();
      for (int i = 0; i < 50; i++) {
        assertTrue(log.contains("stopped: p" + i + " (terminated by SIGTERM)"), "p" + i + "\n" + log);
      }
      for (long pid : children) {
        assertFalse(Files.exists(Path.of("/proc/" + pid)) && ProcFs.all().stream()
            .anyMatch(s -> s.pid() == pid && s.state() != 'Z'), "child " + pid + " still alive");
      }
      assertFalse(Files.exists(dir.resolve("supervisord.pid")), "pidfile removed at a clean exit");
      assertTrue(log.matches("(?s).*INFO waiting for [p0-9, ]+ to die.*"), log);
      // Groups stop in reverse priority order: the highest priority's lines come first.
      assertTrue(log.indexOf("stopped: p4 ") < log.indexOf("stopped: p0 "), log);
    }
  }
}
