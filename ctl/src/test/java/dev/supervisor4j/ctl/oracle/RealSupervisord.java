package dev.supervisor4j.ctl.oracle;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's supervisord 4.2.5 (the oracle) on a config of our own: its own unix socket, a free
 * loopback TCP port with Basic auth (user / 123), logs in the test directory. The system's
 * supervisord service is left alone.
 */
final class RealSupervisord implements AutoCloseable {
  static final Path SUPERVISORD = Path.of("/usr/bin/supervisord");
  static final Path SUPERVISORCTL = Path.of("/usr/bin/supervisorctl");
  static final String ABSENT = "Debian's supervisor package (/usr/bin/supervisord, /usr/bin/supervisorctl) is not "
      + "installed: the compatibility tests compare against it (.ci/run installs it)";

  /** The programs every compat test sees: running, stopped, fatal, exited, a group, one without a log. */
  static final String PROGRAMS = ""
      + "[program:cat]\ncommand=/bin/cat\nstopwaitsecs=2\n\n"
      + "[program:sleeper]\ncommand=/bin/sleep 1000\nautostart=false\nstopwaitsecs=2\n\n"
      + "[program:failer]\ncommand=/bin/sh -c \"echo oops >&2; exit 3\"\nstartretries=1\n\n"
      + "[program:crasher]\ncommand=/bin/sh -c \"echo crashing; sleep 2; exit 3\"\nstartsecs=1\nautorestart=false\n\n"
      + "[program:nolog]\ncommand=/bin/sleep 1000\nstdout_logfile=NONE\nstopwaitsecs=2\n\n"
      + "[group:grp]\nprograms=ga,gb\n\n"
      + "[program:ga]\ncommand=/bin/sh -c \"while true; do echo tick; sleep 1; done\"\nstopwaitsecs=2\n\n"
      + "[program:gb]\ncommand=/bin/sleep 1000\nnumprocs=2\nprocess_name=%(program_name)s_%(process_num)d\n"
      + "stopwaitsecs=2\n";

  final Path dir;
  final Path conf;
  final Path socket;
  final int port;
  private final Process process;

  private RealSupervisord(Path dir, Path conf, int port, Process process) {
    this.dir = dir;
    this.conf = conf;
    this.socket = dir.resolve("sv.sock");
    this.port = port;
    this.process = process;
  }

  static boolean installed() {
    return Files.isExecutable(SUPERVISORD) && Files.isExecutable(SUPERVISORCTL);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    }
  }

  /** Starts supervisord with {@link #PROGRAMS} and waits until the states settle. */
  static RealSupervisord start(Path dir) throws Exception {
    return startWith(dir, PROGRAMS);
  }

  /** Starts supervisord with these program sections and waits until the states settle. */
  static RealSupervisord startWith(Path dir, String programs) throws Exception {
    return startWith(SUPERVISORD, dir, programs);
  }

  /**
   * Our own daemon ({@code bin/supervisord}), on the same config: for the drop-in check of our
   * supervisorctl against our supervisord. Null when the daemon jar has not been built yet (the
   * reactor builds it before this module).
   */
  static RealSupervisord startOurs(Path dir) throws Exception {
    return startOursWith(dir, PROGRAMS);
  }

  /** {@link #startOurs} with these program sections. */
  static RealSupervisord startOursWith(Path dir, String programs) throws Exception {
    Path repo = Path.of("").toAbsolutePath();
    while (repo != null && !Files.isDirectory(repo.resolve("config-samples"))) {
      repo = repo.getParent();
    }
    if (repo == null || !Files.exists(repo.resolve("daemon/target/supervisor4j-daemon.jar"))) {
      return null;
    }
    return startWith(repo.resolve("bin/supervisord"), dir, programs);
  }

  private static RealSupervisord startWith(Path daemon, Path dir, String programs) throws Exception {
    int port = freePort();
    Path conf = dir.resolve("supervisord.conf");
    Files.writeString(conf, config(port, programs));
    Process p = new ProcessBuilder(daemon.toString(), "-n", "-c", conf.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("supervisord.out").toFile()).start();
    RealSupervisord s = new RealSupervisord(dir, conf, port, p);
    s.awaitSettled();
    return s;
  }

  static String config(int port, String programs) {
    return "[unix_http_server]\nfile=%(here)s/sv.sock\n\n"
        + "[inet_http_server]\nport=127.0.0.1:" + port + "\nusername=user\npassword=123\n\n"
        + "[supervisord]\nlogfile=%(here)s/supervisord.log\npidfile=%(here)s/supervisord.pid\n"
        + "childlogdir=%(here)s\n\n"
        + "[rpcinterface:supervisor]\n"
        + "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n\n"
        + "[supervisorctl]\nserverurl=unix://%(here)s/sv.sock\n\n"
        + programs;
  }

  /**
   * Waits until the daemon answers and nothing is in motion: no process STARTING, BACKOFF or
   * STOPPING, and crasher (which exits 2 s after a start) not RUNNING.
   */
  void awaitSettled() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("supervisord died: " + Files.readString(dir.resolve("supervisord.out")));
      }
      Ctl.Result r = Ctl.ours(this, List.of("status")); // in-process: milliseconds, not a Python start
      boolean crasherRunning = false;
      for (String line : r.out().split("\n")) {
        crasherRunning |= line.startsWith("crasher ") && line.contains("RUNNING");
      }
      if ((r.code() == 0 || r.code() == 3) && !r.out().contains("STARTING") && !r.out().contains("BACKOFF")
          && !r.out().contains("STOPPING") && !crasherRunning) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("supervisord did not settle");
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
