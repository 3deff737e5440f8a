package dev.supervisor4j.ctl.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code tail -f}, {@code maintail -f} and {@code fg} against the real supervisord: output as it comes, Ctrl-C, stdin. */
@Tag("compat")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowTest {
  private Path dir;
  private RealSupervisord daemon;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    dir = tmp;
    Assumptions.assumeTrue(RealSupervisord.installed(), RealSupervisord.ABSENT);
    daemon = RealSupervisord.start(dir);
  }

  @AfterAll
  void stop() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
  }

  private static int ticks(String s) {
    return s.split("tick\n", -1).length - 1;
  }

  @Test
  void tailFollowShowsNewOutputUntilCtrlC() throws Exception {
    try (OursProcess p = OursProcess.start("-c", daemon.conf.toString(), "tail", "-f", "grp:ga")) {
      p.awaitOut(s -> s.startsWith("==> Press Ctrl-C to exit <==\n") && ticks(s) >= 1, Duration.ofSeconds(15));
      int before = ticks(p.out());
      p.awaitOut(s -> ticks(s) >= before + 2, Duration.ofSeconds(10)); // ga prints a line a second
      p.interrupt();
      assertEquals(0, p.waitFor(), p.err());
      assertTrue(p.out().endsWith("tick\n\n"), p.out());
      assertEquals("", p.err());
    }
  }

  @Test
  void maintailFollowAndStderrChannel() throws Exception {
    try (OursProcess p = OursProcess.start("-c", daemon.conf.toString(), "maintail", "-f")) {
      p.awaitOut(s -> s.contains("crasher"), Duration.ofSeconds(15));
      p.interrupt();
      assertEquals(0, p.waitFor());
    }
    try (OursProcess p = OursProcess.start("-c", daemon.conf.toString(), "tail", "-f", "failer", "stderr")) {
      p.awaitOut(s -> s.contains("oops\n"), Duration.ofSeconds(15));
      p.interrupt();
      assertEquals(0, p.waitFor());
    }
  }

  @Test
  void fgSendsStdinAndShowsTheOutput() throws Exception {
    try (OursProcess p = OursProcess.start("-c", daemon.conf.toString(), "fg", "cat")) {
      p.awaitOut(s -> s.startsWith("==> Press Ctrl-C to exit <==\n"), Duration.ofSeconds(15));
      Thread.sleep(500); // both streams connected
      p.stdin().write("hello from fg\n".getBytes(StandardCharsets.UTF_8));
      p.stdin().flush();
      p.awaitOut(s -> s.contains("hello from fg\n"), Duration.ofSeconds(10));
      p.stdin().close();
      assertEquals(0, p.waitFor());
      assertTrue(p.out().endsWith("Exiting foreground\n"), p.out());
    }
  }

  @Test
  void fgStopsOnCtrlC() throws Exception {
    try (OursProcess p = OursProcess.start("-c", daemon.conf.toString(), "fg", "cat")) {
      p.awaitOut(s -> s.startsWith("==> Press Ctrl-C to exit <==\n"), Duration.ofSeconds(15));
      p.interrupt();
      assertEquals(0, p.waitFor());
      assertTrue(p.out().endsWith("Exiting foreground\n"), p.out());
    }
  }
}
