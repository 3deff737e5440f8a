package dev.supervisor4j.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launchers a newcomer types, on the jars the build just made. */
class LauncherIT {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Path repo() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("config-samples"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  Run run(String launcher, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(repo().resolve("bin").resolve(launcher).toString());
    cmd.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(launcher + " did not finish");
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void versionAndHelp() throws Exception {
    Run v = run("supervisord", "-v");
    assertEquals(0, v.code(), v.err());
    assertEquals("4.2.5\n", v.out());
    Run h = run("supervisord", "-h");
    assertEquals(0, h.code(), h.err());
    assertTrue(h.out().contains("Usage: " + repo().resolve("bin/supervisord") + " [options]"), h.out());
  }

  @Test
  void badConfigPrintsTheErrorAndExitsTwo() throws Exception {
    Path bad = dir.resolve("bad.conf");
    Files.writeString(bad, "[supervisord]\n[program:x]\ncommand=sleep 1\nautorestart=sometimes\n");
    Run r = run("supervisord", "-c", bad.toString());
    assertEquals(2, r.code(), r.out());
    assertEquals("Error: invalid 'autorestart' value 'sometimes' in section 'program:x' (file: '" + bad + "')\n"
        + "For help, use " + repo().resolve("bin/supervisord") + " -h\n", r.err());
  }

  @Test
  void theDemoConfigRunsItsProgramsFromTheLauncher() throws Exception {
    // A copy, so that the test neither writes into the repository nor meets a demo someone runs.
    String demo = Files.readString(repo().resolve("config-samples/demo.conf"));
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path conf = dir.resolve("demo.conf");
    Files.writeString(conf, demo.replace("127.0.0.1:9001", "127.0.0.1:" + port));
    Files.createDirectories(dir.resolve("run"));
    Process p = new ProcessBuilder(repo().resolve("bin/supervisord").toString(), "-n", "-c", conf.toString())
        .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
    try {
      Path log = dir.resolve("run/demo-supervisord.log");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      List<String> wanted = List.of("ticker", "flaky", "web", "worker", "exits");
      String text = "";
      while (System.nanoTime() < deadline) {
        text = Files.exists(log) ? Files.readString(log) : "";
        String t = text;
        if (wanted.stream().allMatch(n -> t.contains("success: " + n + " entered RUNNING state"))) {
          break;
        }
        Thread.sleep(100);
      }
      for (String n : wanted) {
        assertTrue(text.contains("success: " + n + " entered RUNNING state"), n + "\n" + text
            + "\n--- stderr:\n" + Files.readString(dir.resolve("stderr.txt")));
      }
      assertTrue(Files.readString(dir.resolve("stdout.txt")).contains("success: ticker entered RUNNING state"),
          "with -n the main log is also on stdout");
    } finally {
      new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    }
    assertEquals(0, p.exitValue());
  }

  /**
   * The launcher starts the JVM with the daemon's signals blocked and {@code -Xrs} (no second JVM
   * start); QUIT stops it like TERM; {@code jcmd} still gets a thread dump without stopping it; the
   * children do not inherit the launcher's {@code _JAVA_SR_SIGNUM}.
   */
  @Test
  void quitStopsTheLaunchedDaemonAndJcmdStillDumpsItsThreads() throws Exception {
    Path conf = dir.resolve("quit.conf");
    Files.writeString(conf, String.join("\n", "[supervisord]", "logfile=%(here)s/quit.log",
        "pidfile=%(here)s/quit.pid", "childlogdir=%(here)s", "[program:one]", "command=sleep 1000", "startsecs=0", ""));
    Process p = new ProcessBuilder(repo().resolve("bin/supervisord").toString(), "-n", "-c", conf.toString())
        .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
    try {
      Path log = dir.resolve("quit.log");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline
          && !(Files.exists(log) && Files.readString(log).contains("success: one entered RUNNING state"))) {
        Thread.sleep(100);
      }
      String text = Files.readString(log);
      assertTrue(text.contains("success: one entered RUNNING state"), text);
      String cmdline = Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).replace('\0', ' ');
      assertTrue(cmdline.contains(" -Xrs "), cmdline);
      assertTrue(!cmdline.contains("signals.relaunched"), "started masked by the launcher: " + cmdline);
      java.util.regex.Matcher child = java.util.regex.Pattern.compile("spawned: 'one' with pid (\\d+)").matcher(text);
      assertTrue(child.find(), text);
      String environ = Files.readString(Path.of("/proc/" + child.group(1) + "/environ"));
      assertTrue(!environ.contains("_JAVA_SR_SIGNUM"), environ);
      assertTrue(environ.contains("SUPERVISOR_ENABLED=1"), environ);

      Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
      if (Files.isExecutable(jcmd)) {
        Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(p.pid()), "Thread.print")
            .redirectErrorStream(true).start();
        String out = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(dump.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.contains("Full thread dump"), out);
        Thread.sleep(500);
        assertTrue(p.isAlive(), "jcmd is not an exit request");
      }
      new ProcessBuilder("kill", "-QUIT", Long.toString(p.pid())).start().waitFor();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "QUIT stops the daemon");
      assertEquals(0, p.exitValue());
      assertTrue(Files.readString(log).contains("WARN received SIGQUIT indicating exit request"));
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void echoSupervisordConfPrintsAConfigOurDaemonAccepts() throws Exception {
    Run r = run("echo_supervisord_conf");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("[supervisord]"), r.out());
  }
}
