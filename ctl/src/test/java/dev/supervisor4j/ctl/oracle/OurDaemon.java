package dev.supervisor4j.ctl.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Our supervisord ({@code bin/supervisord -n}, on the daemon jar the reactor built before this
 * module) on a config in a directory; the config should log to {@code %(here)s/supervisord.log}.
 * Closing sends SIGTERM (so the daemon stops its children), then SIGKILL if it lingers.
 */
final class OurDaemon implements AutoCloseable {
  static final String ABSENT = "the daemon jar is not built (run the whole reactor: mvn verify)";

  private final Process process;
  private final Path dir;

  private OurDaemon(Process process, Path dir) {
    this.process = process;
    this.dir = dir;
  }

  static Path repo() {
    Path repo = Path.of("").toAbsolutePath();
    while (repo != null && !Files.isDirectory(repo.resolve("config-samples"))) {
      repo = repo.getParent();
    }
    return repo;
  }

  static boolean built() {
    Path repo = repo();
    return repo != null && Files.exists(repo.resolve("daemon/target/supervisor4j-daemon.jar"));
  }

  static OurDaemon start(Path dir, String config) throws IOException {
    Path conf = dir.resolve("supervisord.conf");
    Files.writeString(conf, config);
    Process p = new ProcessBuilder(repo().resolve("bin/supervisord").toString(), "-n", "-c", conf.toString())
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .start();
    return new OurDaemon(p, dir);
  }

  Process process() {
    return process;
  }

  long pid() {
    return process.pid();
  }

  String mainLog() {
    try {
      Path log = dir.resolve("supervisord.log");
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private String stdout() {
    try {
      return Files.readString(dir.resolve("stdout.txt"));
    } catch (IOException e) {
      return "";
    }
  }

  String awaitLog(Predicate<String> test, Duration timeout, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String text = mainLog();
      if (test.test(text)) {
        return text;
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting for " + what + "\n--- main log:\n" + mainLog()
        + "\n--- stdout:\n" + stdout());
  }

  String awaitLogContains(String text, Duration timeout) throws InterruptedException {
    return awaitLog(s -> s.contains(text), timeout, "'" + text + "'");
  }

  void signal(String name) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
  }

  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("daemon did not exit\n--- main log:\n" + mainLog() + "\n--- stdout:\n" + stdout());
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (process.waitFor(15, TimeUnit.SECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process.destroyForcibly();
    }
  }
}
