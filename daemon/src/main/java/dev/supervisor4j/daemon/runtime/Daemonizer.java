package dev.supervisor4j.daemon.runtime;

import dev.supervisor4j.daemon.config.DaemonSettings;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code nodaemon=false}: a JVM cannot fork, so the validated command line is started again as a
 * detached process (own session, no terminal, stdio on /dev/null, {@code directory} and
 * {@code umask} applied) and this process exits 0, as supervisord's parent does after its fork.
 * The detached process is the daemon, and its pid is the one in the pidfile.
 */
public final class Daemonizer {
  /** Set in the detached child's environment. */
  static final String MARK = "SUPERVISOR4J_DAEMONIZED";
  /** The start-up directory, passed on so relative paths mean what they meant before detaching. */
  public static final String CWD_PROPERTY = "supervisor4j.cwd";

  private Daemonizer() {}

  public static boolean isDaemonized() {
    return "1".equals(System.getenv(MARK));
  }

  /** The directory relative paths were given against. */
  public static Path startupDirectory() {
    String cwd = System.getProperty(CWD_PROPERTY);
    return cwd != null ? Path.of(cwd) : Path.of("").toAbsolutePath();
  }

  public static int detach(DaemonSettings settings, PrintStream err) {
    ProcessHandle.Info self = ProcessHandle.current().info();
    Optional<List<String>> arguments = arguments(self);
    if (self.command().isEmpty() || arguments.isEmpty()) {
      err.println("Error: cannot find this JVM's command line to daemonize; use -n");
      return 2;
    }
    List<String> cmd = new ArrayList<>();
    cmd.add("setsid");
    cmd.add("/bin/sh");
    cmd.add("-c");
    cmd.add(String.format("umask %03o; exec \"$0\" \"$@\"", settings.umask()));
    cmd.add(self.command().get());
    cmd.add("-D" + CWD_PROPERTY + "=" + startupDirectory());
    // A new process: it checks its own signal mask again (SignalMask), whatever this one did.
    arguments.get().stream().filter(a -> !a.startsWith("-D" + SignalMask.RELAUNCHED + "=")).forEach(cmd::add);
    ProcessBuilder pb = new ProcessBuilder(cmd)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    if (settings.directory() != null) {
      pb.directory(settings.directory().toFile());
    }
    pb.environment().put(MARK, "1");
    try {
      pb.start();
      return 0;
    } catch (IOException e) {
      err.println("Error: could not daemonize: " + e.getMessage());
      return 2;
    }
  }

  /**
   * This JVM's arguments. The JDK gives none when {@code /proc/self/cmdline} is longer than 4 KiB
   * (a long explicit class path, as a test JVM's), so then we read that file ourselves.
   */
  static Optional<List<String>> arguments(ProcessHandle.Info self) {
    if (self.arguments().isPresent()) {
      return Optional.of(List.of(self.arguments().get()));
    }
    try {
      String cmdline = new String(Files.readAllBytes(Path.of("/proc/self/cmdline")), StandardCharsets.UTF_8);
      List<String> argv = List.of(cmdline.split("\0")); // trailing NUL: split drops the empty last part
      return argv.size() < 2 ? Optional.empty() : Optional.of(argv.subList(1, argv.size()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
