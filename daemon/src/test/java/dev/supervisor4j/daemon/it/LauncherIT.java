package dev.supervisor4j.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
  void echoSupervisordConfPrintsAConfigOurDaemonAccepts() throws Exception {
    Run r = run("echo_supervisord_conf");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("[supervisord]"), r.out());
  }
}
