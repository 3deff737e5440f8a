package dev.supervisor4j.daemon.compat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Supervisor 4.2.5, the oracle: its daemon, its supervisorctl. Tests skip (with a reason)
 * where the package is not installed; CI installs it.
 */
final class RealSupervisor {
  static final Path SUPERVISORD = Path.of("/usr/bin/supervisord");
  static final Path SUPERVISORCTL = Path.of("/usr/bin/supervisorctl");

  private RealSupervisor() {}

  static boolean ctlInstalled() {
    return Files.isExecutable(SUPERVISORCTL);
  }

  static boolean daemonInstalled() {
    return Files.isExecutable(SUPERVISORD);
  }

  /** What one supervisorctl run printed. */
  record Ctl(int code, String out, String err) {
    String both() {
      return out + err;
    }
  }

  /** Runs the stock supervisorctl with {@code args}; stdin is empty. */
  static Ctl ctl(Path dir, List<String> args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(SUPERVISORCTL.toString());
    cmd.addAll(args);
    Path out = Files.createTempFile(dir, "ctl", ".out");
    Path err = Files.createTempFile(dir, "ctl", ".err");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(
        new File("/dev/null"))).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("supervisorctl " + args + " hung");
    }
    return new Ctl(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Starts the real supervisord in the foreground on {@code conf}. */
  static Process startDaemon(Path conf) throws IOException {
    return new ProcessBuilder(SUPERVISORD.toString(), "-n", "-c", conf.toString())
        .directory(conf.getParent().toFile())
        .redirectOutput(conf.getParent().resolve("real-stdout.txt").toFile())
        .redirectError(conf.getParent().resolve("real-stderr.txt").toFile())
        .start();
  }
}
