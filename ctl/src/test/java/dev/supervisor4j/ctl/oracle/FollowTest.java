package dev.supervisor4j.ctl.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.ctl.command.Controller;
import dev.supervisor4j.ctl.command.CtlIO;
import dev.supervisor4j.ctl.options.OptionsParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
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

  /**
   * Ctrl-C pressed the moment the banner is written (the race a CI run hit: the JVM's default
   * exit, 130, before the command had its handler). In-process, with a CtlIO that presses Ctrl-C
   * as the banner goes out: deterministic.
   */
  @Test
  void ctrlCAsTheBannerShowsIsCaughtByFgAndTail() throws Exception {
    for (List<String> command : List.of(List.of("fg", "cat"), List.of("tail", "-f", "grp:ga"))) {
      CtrlCAtBanner io = new CtrlCAtBanner();
      Controller ctl = new Controller(OptionsParser.parse(List.of("-c", daemon.conf.toString()), "supervisorctl",
          Map.of()), io);
      Thread t = new Thread(() -> ctl.onecmd(String.join(" ", command)));
      t.start();
      t.join(15_000);
      assertTrue(!t.isAlive(), command + " still runs after Ctrl-C: " + io.out);
      assertEquals(false, io.unhandled, command + ": Ctrl-C came with no handler (the JVM would exit 130)");
      assertEquals(0, ctl.exitStatus(), command.toString());
      String goodbye = command.get(0).equals("fg") ? "Exiting foreground\n" : "\n\n";
      assertTrue(io.out.toString().endsWith(goodbye), command + ": " + io.out);
    }
  }

  /** Stdout as text; presses Ctrl-C as the banner is written; reads wait for Ctrl-C like StreamIO's. */
  private static final class CtrlCAtBanner implements CtlIO {
    final StringBuffer out = new StringBuffer();
    final Deque<Runnable> handlers = new ConcurrentLinkedDeque<>();
    final LinkedBlockingQueue<Object> input = new LinkedBlockingQueue<>();
    volatile boolean unhandled;

    @Override
    public void line(String text) {
      out.append(text).append('\n');
      if (text.startsWith("==> Press Ctrl-C")) {
        Runnable h = handlers.peekFirst();
        if (h == null) {
          unhandled = true;
        } else {
          new Thread(h).start(); // as sun.misc.Signal does: on another thread
        }
      }
    }

    @Override
    public void raw(byte[] bytes) {
      out.append(new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public void errLine(String text) {
      out.append("ERR ").append(text).append('\n');
    }

    @Override
    public void flush() {}

    @Override
    public String readLine(String prompt) throws Interrupted {
      Runnable enqueue = () -> input.add(Boolean.TRUE);
      handlers.addFirst(enqueue);
      try {
        input.take();
        throw new Interrupted();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Interrupted();
      } finally {
        handlers.remove(enqueue);
      }
    }

    @Override
    public String readPassword(String prompt) throws Interrupted {
      return readLine(prompt);
    }

    @Override
    public AutoCloseable onInterrupt(Runnable onInterrupt) {
      handlers.addFirst(onInterrupt);
      return () -> handlers.remove(onInterrupt);
    }
  }
}
