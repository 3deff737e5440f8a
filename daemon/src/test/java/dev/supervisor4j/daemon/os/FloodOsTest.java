package dev.supervisor4j.daemon.os;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.testing.DaemonProcess;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child writing 200 MB as fast as it can, through the daemon's own capture: the log and its
 * backups hold every byte, in order, each within the size limit (plus at most one read).
 */
@Tag("os")
class FloodOsTest {
  private static final long TOTAL = 200L * 1024 * 1024;
  private static final long MAX = 10L * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void everyByteLandsInOrderWithinTheLimits() throws Exception {
    try (DaemonProcess d = DaemonProcess.start(dir, LifecycleOsTest.header()
        + "[program:flood]\ncommand=sh -c 'seq 1 40000000 | head -c " + TOTAL + "'\n"
        + "startsecs=0\nautorestart=false\nstdout_logfile=%(here)s/flood.log\n"
        + "stdout_logfile_maxbytes=10MB\nstdout_logfile_backups=30\n")) {
      d.awaitLogContains("exited: flood (exit status 0; expected)", Duration.ofSeconds(120));
      List<Path> parts = new ArrayList<>();
      LifecycleOsTest.awaitTrue(() -> {
        parts.clear();
        for (int n = 30; n >= 1; n--) {
          Path p = dir.resolve("flood.log." + n);
          if (Files.exists(p)) {
            parts.add(p);
          }
        }
        parts.add(dir.resolve("flood.log"));
        long size = 0;
        for (Path p : parts) {
          size += Files.size(p);
        }
        return size == TOTAL;
      }, "all 200 MB on disk");
      MessageDigest got = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (Path p : parts) {
        assertTrue(Files.size(p) <= MAX + 128 * 1024, p + " is " + Files.size(p) + " bytes");
        try (InputStream in = Files.newInputStream(p)) {
          for (int n; (n = in.read(buf)) > 0; ) {
            got.update(buf, 0, n);
          }
        }
      }
      assertTrue(parts.size() >= 19 && parts.size() <= 21, "about 20 files of 10 MB: " + parts.size());
      assertArrayEquals(expected(), got.digest());
    }
  }

  /** SHA-256 of the first 200 MiB of {@code seq 1 40000000}. */
  private static byte[] expected() throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    StringBuilder sb = new StringBuilder(1 << 17);
    long written = 0;
    for (long i = 1; written < TOTAL; i++) {
      sb.append(i).append('\n');
      if (sb.length() > 100_000) {
        byte[] b = sb.toString().getBytes(StandardCharsets.US_ASCII);
        int n = (int) Math.min(b.length, TOTAL - written);
        md.update(b, 0, n);
        written += n;
        sb.setLength(0);
      }
    }
    return md.digest();
  }
}
