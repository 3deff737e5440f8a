package dev.supervisor4j.daemon.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.testing.DaemonProcess;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An fcgi program whose socket cannot be bound. Supervisor 4.2.5 exits at start-up with a traceback
 * ({@code ValueError: Could not create FastCGI socket ...}), and a retry that cannot bind crashes
 * its main loop; we log the reason and treat it as a spawn error: the other programs run, and the
 * fcgi process goes BACKOFF, then FATAL, with the reason as its spawnerr.
 */
@Tag("os")
class FcgiSocketOsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  @Test
  void aBusyPortIsLoggedAndEachSpawnFailsWithTheReason() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      String url = "tcp://127.0.0.1:" + taken.getLocalPort();
      String reason = "Could not create FastCGI socket " + url + ": [Errno 98] Address already in use";
      try (DaemonProcess d = DaemonProcess.start(dir, LifecycleOsTest.header()
          + "[fcgi-program:app]\ncommand=sleep 1000\nsocket=" + url + "\nstartretries=1\n"
          + "[program:other]\ncommand=sleep 1000\nstartsecs=0\n")) {
        String log = d.awaitLogContains("gave up: app entered FATAL state, too many start retries too quickly", WAIT);
        assertTrue(log.contains("INFO Creating socket " + url), log);
        assertTrue(log.contains("ERRO " + reason), log);
        assertEquals(2, DaemonProcess.count(log, "INFO spawnerr: " + reason), log);
        assertEquals(0, DaemonProcess.count(log, "Closing socket"), log);
        assertEquals(0, DaemonProcess.count(log, "spawned: 'app'"), log);
        assertTrue(log.contains("success: other entered RUNNING state"), log);
      }
    }
  }
}
