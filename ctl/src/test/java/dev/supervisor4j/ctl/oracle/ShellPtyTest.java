package dev.supervisor4j.ctl.oracle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell on a real terminal (a tmux pane): status first, Tab completes a process
 * name from the server, commands run, Ctrl-C ends {@code tail -f} but not the shell (and at the
 * prompt ends the shell), and the history file carries lines into the next session.
 */
@Tag("compat")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShellPtyTest {
  private Path dir;
  private RealSupervisord daemon;
  private Path conf;
  private Path history;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    dir = tmp;
    Assumptions.assumeTrue(RealSupervisord.installed(), RealSupervisord.ABSENT);
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")),
        "tmux is not installed: the shell test drives a pseudo-terminal through it");
    daemon = RealSupervisord.start(dir);
    history = dir.resolve("ctl.history");
    conf = dir.resolve("ctl.conf");
    Files.writeString(conf, "[supervisorctl]\nserverurl=unix://" + daemon.socket + "\nprompt=pty\n"
        + "history_file=%(here)s/ctl.history\n");
  }

  @AfterAll
  void stop() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
  }

  /** One tmux session running our shell. */
  private final class Pane implements AutoCloseable {
    final String name = "s4jctl" + ProcessHandle.current().pid() + "x" + System.nanoTime();

    Pane() throws Exception {
      Path script = dir.resolve(name + ".sh");
      StringBuilder cmd = new StringBuilder();
      for (String part : OursProcess.command("-c", conf.toString())) {
        cmd.append('\'').append(part.replace("'", "'\\''")).append("' ");
      }
      // Ctrl-C outside raw mode reaches the whole foreground group: the script must outlive it.
      Files.writeString(script, "#!/bin/sh\ntrap true INT\n" + cmd + "\necho \"EXIT=$?\"\nsleep 60\n");
      script.toFile().setExecutable(true);
      tmux("new-session", "-d", "-s", name, "-x", "200", "-y", "50", script.toString());
    }

    String screen() throws Exception {
      return tmux("capture-pane", "-p", "-t", name);
    }

    void keys(String... keys) throws Exception {
      List<String> args = new ArrayList<>(List.of("send-keys", "-t", name));
      args.addAll(List.of(keys));
      tmux(args.toArray(new String[0]));
    }

    String await(String text) throws Exception {
      Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
      String s = screen();
      while (!s.contains(text)) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("no '" + text + "' on screen:\n" + s);
        }
        Thread.sleep(100);
        s = screen();
      }
      return s;
    }

    @Override
    public void close() throws Exception {
      tmux("kill-session", "-t", name);
    }
  }

  private static String tmux(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add("tmux");
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  @Test
  void completesNamesRunsCommandsAndKeepsHistory() throws Exception {
    try (Pane pane = new Pane()) {
      String first = pane.await("pty>"); // tmux trims trailing spaces from the screen
      assertTrue(first.contains("grp:gb_1"), "status runs first:\n" + first);
      pane.keys("status ca", "Tab");
      pane.await("pty> status cat");
      pane.keys("Enter");
      pane.await("pty> status cat\ncat ");
      pane.keys("nosuchcommand", "Enter");
      pane.await("*** Unknown syntax: nosuchcommand");
      pane.keys("tail -f grp:ga", "Enter");
      pane.await("==> Press Ctrl-C to exit <==\ntick");
      pane.keys("C-c"); // ends the stream, not the shell
      pane.keys("version", "Enter");
      pane.await("4.2.5");
      pane.keys("quit", "Enter");
      pane.await("EXIT=0");
    }
    String saved = Files.readString(history);
    assertTrue(saved.contains("status cat") && saved.contains("version"), saved);
    try (Pane pane = new Pane()) {
      pane.await("pty>");
      pane.keys("Up", "Up");
      pane.await("pty> version");
      pane.keys("Enter");
      pane.await("4.2.5\npty>");
      pane.keys("C-c"); // at the prompt: leaves the shell, exit status 0
      pane.await("EXIT=0");
    }
  }
}
