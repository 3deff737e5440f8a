package dev.supervisor4j.daemon.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The /proc matcher that decides whether a recorded child is still the same process: a live
 * process of this test matches its own identity, and never with another start time (a reused pid)
 * or another boot.
 */
@Tag("os")
class ChildIdentityTest {
  private static final long SELF = ProcessHandle.current().pid();

  @Test
  void aLiveChildMatchesOnlyWithItsOwnStartTimeAndBoot() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");
    Process sleep = new ProcessBuilder("sleep", "60").start();
    try {
      ChildIdentity child = ChildIdentity.ofChild(sleep.pid(), SELF);
      assertNotNull(child);
      assertEquals(sleep.pid(), child.pid());
      assertTrue(child.startTicks() > 0);
      assertFalse(child.bootId().isEmpty());
      assertTrue(child.isAlive());
      assertEquals(SELF, child.parentIfAlive());

      // The same pid with another start time: a process that reused the pid. Never matched.
      ChildIdentity reused = new ChildIdentity(sleep.pid(), child.startTicks() - 1, child.bootId());
      assertFalse(reused.isAlive());
      assertEquals(-1, reused.parentIfAlive());
      // The same pid and start time in another boot: never matched either.
      assertFalse(new ChildIdentity(sleep.pid(), child.startTicks(), "another-boot").isAlive());
      // Not our child: not recorded.
      assertNull(ChildIdentity.ofChild(sleep.pid(), SELF + 1));

      sleep.destroy();
      assertTrue(sleep.waitFor(10, TimeUnit.SECONDS));
      assertFalse(child.isAlive());
      assertNull(ChildIdentity.ofChild(sleep.pid(), SELF));
    } finally {
      sleep.destroyForcibly();
    }
  }

  @Test
  void aStatLineIsReadFromTheLastParenthesis() {
    String line = "1234 (we ird) (name) S 77 1234 1234 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 987654 1000 100\n";
    ChildIdentity.Stat stat = ChildIdentity.parse(line);
    assertEquals('S', stat.state());
    assertEquals(77, stat.ppid());
    assertEquals(987654, stat.startTicks());
  }

  @Test
  void nothingIsKnownOfAPidThatDoesNotExist() {
    assertNull(ChildIdentity.stat(0));
    assertNull(ChildIdentity.ofChild(Integer.MAX_VALUE, SELF));
    assertFalse(new ChildIdentity(Integer.MAX_VALUE, 1, "boot").isAlive());
  }
}
