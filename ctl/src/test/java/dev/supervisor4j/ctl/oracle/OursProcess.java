package dev.supervisor4j.ctl.oracle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Our supervisorctl as a separate JVM on the test class path, for what needs a process: streams, signals. */
final class OursProcess implements AutoCloseable {
  private final Process process;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private OursProcess(Process process) {
    this.process = process;
    pump(process.getInputStream(), out);
    pump(process.getErrorStream(), err);
  }

  static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("-Dsupervisor4j.argv0=" + Ctl.PROGNAME);
    cmd.add("dev.supervisor4j.ctl.SupervisorCtl");
    cmd.addAll(List.of(args));
    return cmd;
  }

  static OursProcess start(String... args) throws IOException {
    return new OursProcess(new ProcessBuilder(command(args)).start());
  }

  private static void pump(InputStream in, ByteArrayOutputStream sink) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[4096];
      int n;
      try {
        while ((n = in.read(buf)) > 0) {
          synchronized (sink) {
            sink.write(buf, 0, n);
          }
        }
      } catch (IOException ignored) {
        // process ended
      }
    });
    t.setDaemon(true);
    t.start();
  }

  String out() {
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  String err() {
    synchronized (err) {
      return err.toString(StandardCharsets.UTF_8);
    }
  }

  OutputStream stdin() {
    return process.getOutputStream();
  }

  /** Waits until stdout satisfies {@code test}. */
  void awaitOut(Predicate<String> test, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!test.test(out())) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out; stdout so far:\n" + out() + "\nstderr:\n" + err());
      }
      Thread.sleep(50);
    }
  }

  /** Ctrl-C. */
  void interrupt() throws Exception {
    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
  }

  int waitFor() throws InterruptedException {
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("did not exit; stdout:\n" + out());
    }
    Thread.sleep(100); // let the pumps drain
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
