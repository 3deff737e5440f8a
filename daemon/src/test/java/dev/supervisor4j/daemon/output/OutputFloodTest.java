package dev.supervisor4j.daemon.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real child floods its stdout with 200 MiB of numbered lines; the pump writes them into a
 * rotating log. The backups (oldest first) and the file must be the child's output byte for byte,
 * and no file may exceed maxBytes by more than one read. The throughput is printed, not asserted.
 */
@Tag("os")
@Timeout(120)
class OutputFloodTest {
  private static final long TOTAL = 200L * 1024 * 1024;
  private static final long MAX_BYTES = 10L * 1024 * 1024;
  private static final int BACKUPS = 25;
  private static final int LINES = 30_000_000; // "1\n" … "30000000\n" is 257 MB; head cuts it at 200 MiB

  @TempDir Path dir;

  @Test
  void twoHundredMebibytesArriveIntactAcrossRotations() throws Exception {
    Path log = dir.resolve("flood-stdout.log");
    Process child = new ProcessBuilder("sh", "-c", "seq 1 " + LINES + " | head -c " + TOTAL)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    child.getOutputStream().close();
    long started = System.nanoTime();
    long read;
    try (RotatingLogFile file = RotatingLogFile.open(log, MAX_BYTES, BACKUPS)) {
      OutputSink sink = OutputChain.forChannel("flood", "stdout").logFile(file).build();
      OutputPump pump = OutputPump.start("flood", "stdout", child.getInputStream(), sink,
          e -> { throw new AssertionError(e); });
      read = pump.completion().toCompletableFuture().get(100, TimeUnit.SECONDS);
    }
    long elapsed = System.nanoTime() - started;
    assertTrue(child.waitFor(20, TimeUnit.SECONDS));
    assertEquals(0, child.exitValue());
    assertEquals(TOTAL, read);
    double mibPerSec = (TOTAL / 1048576.0) / (elapsed / 1e9);
    System.out.printf(Locale.ROOT, "FLOOD: %d MiB through pump + rotating file in %.3f s = %.0f MiB/s%n",
        TOTAL >> 20, elapsed / 1e9, mibPerSec);

    List<Path> inOrder = new ArrayList<>();
    int backups = 0;
    while (Files.exists(log.resolveSibling(log.getFileName() + "." + (backups + 1)))) {
      backups++;
    }
    assertTrue(backups >= 19 && backups < BACKUPS, "backups: " + backups); // nothing fell off
    for (int i = backups; i >= 1; i--) {
      inOrder.add(log.resolveSibling(log.getFileName() + "." + i));
    }
    inOrder.add(log);

    MessageDigest actual = MessageDigest.getInstance("SHA-256");
    long length = 0;
    byte[] buf = new byte[1 << 20];
    for (Path p : inOrder) {
      long size = Files.size(p);
      assertTrue(size <= MAX_BYTES + OutputPump.CHUNK, p + " has " + size + " bytes");
      if (!p.equals(log)) {
        assertTrue(size >= MAX_BYTES, p + " rotated early at " + size);
      }
      try (InputStream in = Files.newInputStream(p)) {
        for (int n; (n = in.read(buf)) > 0; ) {
          actual.update(buf, 0, n);
          length += n;
        }
      }
    }
    assertEquals(TOTAL, length);
    assertArrayEquals(expectedDigest(), actual.digest());
    assertFalse(Files.exists(log.resolveSibling(log.getFileName() + "." + (BACKUPS + 1))));
  }

  /** SHA-256 of {@code seq 1 LINES | head -c TOTAL}, generated here. */
  private static byte[] expectedDigest() throws NoSuchAlgorithmException, IOException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] block = new byte[1 << 20];
    int used = 0;
    long left = TOTAL;
    byte[] digits = new byte[12];
    for (int i = 1; i <= LINES && left > 0; i++) {
      int d = digits.length;
      digits[--d] = '\n';
      for (int v = i; v > 0; v /= 10) {
        digits[--d] = (byte) ('0' + v % 10);
      }
      int len = (int) Math.min(digits.length - d, left);
      if (used + len > block.length) {
        md.update(block, 0, used);
        used = 0;
      }
      System.arraycopy(digits, d, block, used, len);
      used += len;
      left -= len;
    }
    md.update(block, 0, used);
    assertEquals(0, left, "seq range too small for TOTAL");
    return md.digest();
  }
}
