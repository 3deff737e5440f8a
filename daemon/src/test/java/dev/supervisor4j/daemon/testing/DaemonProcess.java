package dev.supervisor4j.daemon.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real supervisord (ours) in its own JVM, started from the test class path on a config written
 * into a temporary directory. Tests read its main log and send it signals, as an operator would.
 */
public final class DaemonProcess implements AutoCloseable {
  private final Process process;
  private final Path dir;
  private final Path log;

  private DaemonProcess(Process process, Path dir, Path log) {
    this.process = process;
    this.dir = dir;
    this.log = log;
  }

  /**
   * Writes {@code config} (which should log to {@code %(here)s/supervisord.log}) and starts the
   * daemon in the foreground on it.
   */
  public static DaemonProcess start(Path dir, String config, String... extraArgs) throws IOException {
    return start(dir, config, List.of(), extraArgs);
  }

  public static DaemonProcess start(Path dir, String config, List<String> wrapper, String... extraArgs)
      throws IOException {
    Path conf = dir.resolve("supervisord.conf");
    Files.writeString(conf, config);
    List<String> cmd = new ArrayList<>(wrapper);
    cmd.addAll(javaCommand());
    cmd.add("-c");
    cmd.add(conf.toString());
    cmd.addAll(List.of(extraArgs));
    ProcessBuilder pb = new ProcessBuilder(cmd)
        .directory(dir.toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile());
    return new DaemonProcess(pb.start(), dir, dir.resolve("supervisord.log"));
  }

  /** {@code java <flags> -cp <test class path> dev.supervisor4j.daemon.runtime.Supervisord}. */
  public static List<String> javaCommand() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(java, "-Xmx128m", "-Xss512k", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2",
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
        "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), "dev.supervisor4j.daemon.runtime.Supervisord");
  }

  public long pid() {
    return process.pid();
  }

  public Process process() {
    return process;
  }

  public Path dir() {
    return dir;
  }

  public String mainLog() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  public String stderr() {
    try {
      return Files.readString(dir.resolve("stderr.txt"));
    } catch (IOException e) {
      return "";
    }
  }

  /** Waits until the main log satisfies {@code test}; fails with the log if it never does. */
  public String awaitLog(Predicate<String> test, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String text = mainLog();
      if (test.test(text)) {
        return text;
      }
      if (!process.isAlive()) {
        break;
      }
      sleep(50);
    }
    throw new AssertionError("timed out waiting for " + what + "\n--- main log:\n" + mainLog()
        + "\n--- stderr:\n" + stderr());
  }

  public String awaitLogContains(String text, Duration timeout) {
    return awaitLog(s -> s.contains(text), timeout, "'" + text + "'");
  }

  /** Counts the lines containing {@code text}. */
  public static long count(String log, String text) {
    return log.lines().filter(l -> l.contains(text)).count();
  }

  public void signal(String name) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
  }

  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("daemon did not exit\n--- main log:\n" + mainLog() + "\n--- stderr:\n" + stderr());
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    // SIGTERM first, so that the daemon stops its children: a SIGKILL would orphan them.
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

  /** Lets time pass in a test (a crash loop running, a last child ending). */
  public static void sleepMillis(long ms) {
    sleep(ms);
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
