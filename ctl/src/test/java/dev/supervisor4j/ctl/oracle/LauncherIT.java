package dev.supervisor4j.ctl.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/supervisorctl on the packaged jars (run by failsafe after {@code package}): the same output
 * as Python's, the CDS archive remade when missing and used (the one-shot path loads no JLine,
 * Pekko, Scala or java.net.http class), and a mismatching archive ignored without a word.
 */
@Tag("compat")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LauncherIT {
  private Path dir;
  private RealSupervisord daemon;
  private Path launcher;
  private Path archive;

  record Run(int code, String out, String err) {}

  static Path repo() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isRegularFile(p.resolve("bin/supervisorctl"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    dir = tmp;
    launcher = repo().resolve("bin/supervisorctl");
    archive = repo().resolve("ctl/target/supervisor4j-ctl.jsa");
    Assumptions.assumeTrue(RealSupervisord.installed(), RealSupervisord.ABSENT);
    daemon = RealSupervisord.start(dir);
  }

  @AfterAll
  void stop() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
  }

  private Run run(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(launcher.toString());
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out");
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void remakesTheArchiveAndLoadsOnlyTheLeanPath() throws Exception {
    Files.deleteIfExists(archive);
    Run first = run(Map.of(), "-c", daemon.conf.toString(), "status");
    Ctl.Result python = Ctl.python(daemon, List.of("status")).normalised();
    assertEquals(python.code(), first.code(), first.err());
    assertEquals(python.out(), Ctl.normalise(first.out()));
    assertEquals("", first.err());
    assertTrue(Files.size(archive) > 0, "the launcher remade the archive");

    Path log = dir.resolve("classes.log");
    Run second = run(Map.of("S4J_CTL_JAVA_OPTS", "-Xlog:class+load:file=" + log), "-c", daemon.conf.toString(),
        "status");
    assertEquals(python.code(), second.code());
    List<String> loaded = Files.readAllLines(log);
    long shared = loaded.stream().filter(l -> l.contains("source: shared objects file")).count();
    assertTrue(shared > loaded.size() * 8 / 10, shared + " of " + loaded.size() + " classes from the archive");
    for (String l : loaded) {
      assertFalse(l.contains("org.jline") || l.contains("org.apache.pekko") || l.contains(" scala.")
          || l.contains("java.net.http"), l);
    }
  }

  @Test
  void ignoresAMismatchingArchiveSilently() throws Exception {
    Path saved = dir.resolve("saved.jsa");
    run(Map.of(), "-c", daemon.conf.toString(), "version"); // makes sure there is one
    Files.copy(archive, saved, StandardCopyOption.REPLACE_EXISTING);
    try {
      Files.delete(archive);
      Files.writeString(archive, "not an archive"); // newer than the jar: the launcher keeps it
      Run r = run(Map.of(), "-c", daemon.conf.toString(), "version");
      assertEquals(new Run(0, "4.2.5\n", ""), r);
    } finally {
      Files.move(saved, archive, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void usageNamesTheLauncher() throws Exception {
    Run help = run(Map.of(), "-h");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("Usage: " + launcher + " [options] [action [arguments]]"), help.out());
    Run bad = run(Map.of(), "-x");
    assertEquals(new Run(2, "", "Error: option -x not recognized\nFor help, use " + launcher + " -h\n"), bad);
  }
}
