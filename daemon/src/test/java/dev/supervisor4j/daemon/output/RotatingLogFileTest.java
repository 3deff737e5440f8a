package dev.supervisor4j.daemon.output;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingLogFileTest {
  @TempDir Path dir;

  private static void write(RotatingLogFile f, String s) throws IOException {
    byte[] b = s.getBytes(UTF_8);
    f.write(b, 0, b.length);
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, UTF_8);
  }

  @Test
  void rotatesOnceTheSizeReachesTheLimit() throws IOException {
    Path log = dir.resolve("a.log");
    try (RotatingLogFile f = RotatingLogFile.open(log, 10, 3)) {
      write(f, "aaaaaa");
      assertEquals("aaaaaa", read(log));
      assertFalse(Files.exists(f.backup(1)));
      write(f, "bbbb"); // exactly 10: rotates (size >= maxBytes)
      assertEquals("", read(log));
      assertEquals("aaaaaabbbb", read(f.backup(1)));
      write(f, "c");
      assertEquals("c", read(log));
      assertEquals(1, f.size());
    }
  }

  @Test
  void backupsShiftAndTheOldestIsOverwritten() throws IOException {
    Path log = dir.resolve("b.log");
    try (RotatingLogFile f = RotatingLogFile.open(log, 5, 2)) {
      write(f, "11111");
      write(f, "22222");
      assertEquals("22222", read(f.backup(1)));
      assertEquals("11111", read(f.backup(2)));
      write(f, "33333");
      assertEquals("33333", read(f.backup(1)));
      assertEquals("22222", read(f.backup(2)));
      assertFalse(Files.exists(f.backup(3)));
      assertEquals("", read(log));
    }
  }

  @Test
  void oneBigWriteOvershootsAndMovesWhole() throws IOException {
    Path log = dir.resolve("c.log");
    try (RotatingLogFile f = RotatingLogFile.open(log, 10, 1)) {
      String big = "x".repeat(2930);
      write(f, big);
      assertEquals(big, read(f.backup(1)));
      assertEquals("", read(log));
    }
  }

  @Test
  void zeroBackupsTruncates() throws IOException {
    Path log = dir.resolve("d.log");
    try (RotatingLogFile f = RotatingLogFile.open(log, 10, 0)) {
      write(f, "0123456789");
      assertEquals("", read(log));
      assertFalse(Files.exists(f.backup(1)));
      write(f, "after");
      assertEquals("after", read(log));
    }
  }

  @Test
  void zeroMaxBytesNeverRotates() throws IOException {
    Path log = dir.resolve("e.log");
    try (RotatingLogFile f = RotatingLogFile.open(log, 0, 5)) {
      for (int i = 0; i < 100; i++) {
        write(f, "0123456789");
      }
      assertEquals(1000, Files.size(log));
      assertFalse(Files.exists(f.backup(1)));
    }
  }

  @Test
  void existingContentCountsAndIsAppendedTo() throws IOException {
    Path log = dir.resolve("f.log");
    Files.writeString(log, "old-data");
    try (RotatingLogFile f = RotatingLogFile.open(log, 10, 1)) {
      assertEquals(8, f.size());
      write(f, "++");
      assertEquals("old-data++", read(f.backup(1)));
    }
  }

  @Test
  void reopenAfterAnExternalRenameStartsANewFile() throws IOException {
    Path log = dir.resolve("g.log");
    Path rotatedAway = dir.resolve("g.log.old");
    try (RotatingLogFile f = RotatingLogFile.open(log, 0, 0)) {
      write(f, "a");
      Files.move(log, rotatedAway); // logrotate, then SIGUSR2
      write(f, "b"); // still the old inode
      f.reopen();
      write(f, "c");
      assertEquals("ab", read(rotatedAway));
      assertEquals("c", read(log));
    }
  }

  @Test
  void clearEmptiesTheFileAndKeepsBackups() throws IOException {
    Path log = dir.resolve("h.log");
    try (RotatingLogFile f = RotatingLogFile.open(log, 4, 2)) {
      write(f, "1111");
      write(f, "22");
      f.clear();
      assertEquals("", read(log));
      assertEquals("1111", read(f.backup(1)), "supervisord 4.2.5 keeps backups on clear");
      write(f, "33");
      assertEquals("33", read(log));
    }
  }

  @Test
  void writesAfterCloseFailUntilReopened() throws IOException {
    Path log = dir.resolve("i.log");
    RotatingLogFile f = RotatingLogFile.open(log, 0, 0);
    write(f, "a");
    f.close();
    f.close(); // idempotent
    assertFalse(f.isOpen());
    assertThrows(ClosedChannelException.class, () -> write(f, "lost"));
    f.reopen();
    write(f, "b");
    f.close();
    assertEquals("ab", read(log));
  }

  @Test
  void aNonRegularFileIsNeverRenamed() throws IOException {
    Path devNull = Paths.get("/dev/null");
    assertTrue(Files.exists(devNull));
    try (RotatingLogFile f = RotatingLogFile.open(devNull, 1, 3)) {
      write(f, "ignored");
      write(f, "ignored");
    }
    assertFalse(Files.exists(Paths.get("/dev/null.1")));
  }

  @Test
  void emptyWritesAreHarmless() throws IOException {
    Path log = dir.resolve("j.log");
    try (RotatingLogFile f = RotatingLogFile.open(log, 3, 1)) {
      f.write(new byte[0], 0, 0);
      assertEquals(0, f.size());
      assertFalse(Files.exists(f.backup(1)));
    }
  }
}
