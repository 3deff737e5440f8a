package dev.supervisor4j.daemon.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor4j.daemon.testing.DaemonProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As PID 1 of a PID namespace (a container), orphaned grandchildren become ours: they are reaped
 * ("reaped unknown pid"), no zombie is left, and our own child's exit status is not stolen.
 */
@Tag("os")
class Pid1OsTest {
  @TempDir Path dir;

  @Test
  void orphanedGrandchildIsReapedWithoutStealingOurChildsStatus() throws Exception {
    assumeTrue(unshareWorks(), "needs root and util-linux unshare with PID namespaces");
    try (DaemonProcess d = DaemonProcess.start(dir, LifecycleOsTest.header()
        + "[program:parent]\ncommand=sh -c 'sleep 1 & exit 7'\nstartsecs=0\nautorestart=false\nexitcodes=7\n",
        List.of("unshare", "--pid", "--fork", "--mount-proc"))) {
      String log = d.awaitLogContains("reaped unknown pid", Duration.ofSeconds(30));
      assertTrue(log.contains("exited: parent (exit status 7; expected)"), log);
      assertTrue(log.matches("(?s).*INFO reaped unknown pid \\d+ \\(exit status 0\\).*"), log);
      List<ProcFs.Stat> jvm = ProcFs.childrenOf(d.pid());
      assertEquals(1, jvm.size(), "unshare's one child is the daemon");
      long daemon = jvm.get(0).pid();
      try {
        assertEquals(List.of(), ProcFs.zombieChildrenOf(daemon), "no zombie left");
      } finally {
        // Killing unshare would leave the namespace's init (our daemon) running: stop it directly.
        new ProcessBuilder("kill", "-TERM", Long.toString(daemon)).start().waitFor();
        assertEquals(0, d.awaitExit(Duration.ofSeconds(30)));
      }
    }
  }

  private static boolean unshareWorks() {
    try {
      Process p = new ProcessBuilder("unshare", "--pid", "--fork", "--mount-proc", "true")
          .redirectErrorStream(true).start();
      return p.waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
