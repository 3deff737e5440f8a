package dev.supervisor4j.daemon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the real Supervisor 4.2.5 on the same bad configs, when it is installed, and compares its
 * {@code Error:} text and exit status 2 with ours. Every config here fails before supervisord starts
 * anything, so each run takes a fraction of a second.
 */
class RealSupervisordTest {
  private static final Path SUPERVISORD = Path.of("/usr/bin/supervisord");
  /** Explicit LC_CTYPE: without it Python adds one to its environment (PEP 538) and to ENV_*. */
  private static final Map<String, String> ENV = env();

  @BeforeAll
  static void requireSupervisord() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(SUPERVISORD),
        "the real supervisord is not installed at " + SUPERVISORD);
    Process p = new ProcessBuilder(SUPERVISORD.toString(), "-v").redirectErrorStream(true).start();
    String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.waitFor(20, TimeUnit.SECONDS);
    Assumptions.assumeTrue(version.equals("4.2.5"),
        "messages were taken from Supervisor 4.2.5; installed: " + version);
  }

  static List<List<String>> configs() {
    String sv = "[supervisord]\n";
    return List.of(
        List.of(sv + "[program:x]\ncommand=ls\nautostart=maybe\n"),
        List.of(sv + "[program:x]\ncommand=ls %(nope)s\n"),
        List.of(sv + "[program:x]\ncommand=ls\nxx\n  yy\n=zz\n"),
        List.of("garbage\n" + sv),
        List.of(sv + "[group:g]\nprograms=x,bar\n[program:x]\ncommand=ls\n"),
        List.of(sv + "[include]\nfiles=inc/*.ini\n", "inc/bad.ini", "[program:y]\nbad\n"),
        List.of(sv + "[include]\nfiles=inc/*.ini\n", "inc/e.ini",
            "[program:y]\ncommand=ls\nstopsignal=99\n"),
        List.of("[supervisord]\nenvironment=P=\"100%%\"\n"),
        List.of(sv + "[program:x]\ncommand=ls\nstdout_logfile=/tmp/a%%b.log\n"),
        List.of(sv + "[inet_http_server]\nport=127.0.0.1:99999\n"),
        List.of(sv + "[eventlistener:l]\ncommand=ls\nevents=TICK_5,FOO\n"),
        List.of(sv + "[fcgi-program:f]\ncommand=ls\nsocket=tcp://localhost\n"),
        List.of(sv + "[program:x]\ncommand=ls\nnumprocs=2\n"),
        List.of(sv + "[program:x]\ncommand=ls\nenvironment=A=x=y\n"),
        List.of(sv + "[rpcinterface:x]\nsupervisor.rpcinterface_factory=foo bar\n"),
        List.of("[program:x]\ncommand=ls\n"),
        // Supervisor raises this one while opening its HTTP servers; keep all files in the test dir.
        List.of("[DEFAULT]\nfoo=1\n[supervisord]\nlogfile=%(here)s/d.log\n"
            + "pidfile=%(here)s/d.pid\nchildlogdir=%(here)s\nnocleanup=true\n"
            + "[unix_http_server]\nfile=%(here)s/s.sock\n[rpcinterface:supervisor]\n"
            + "supervisor.rpcinterface_factory=supervisor.rpcinterface:make_main_rpcinterface\n"));
  }

  @ParameterizedTest(name = "[{index}]")
  @MethodSource("configs")
  void sameErrorAsSupervisor(List<String> files, @TempDir Path dir) throws Exception {
    write(dir.resolve("supervisord.conf"), files.get(0));
    for (int i = 1; i + 1 < files.size(); i += 2) {
      write(dir.resolve(files.get(i)), files.get(i + 1));
    }
    String ours = "Error: " + assertThrows(ConfigException.class, () -> ConfigLoader.load(
        Path.of("supervisord.conf"), "supervisord.conf", CommandLineOverrides.none(), ENV, dir))
        .getMessage();

    ProcessBuilder pb = new ProcessBuilder(SUPERVISORD.toString(), "-n", "-c", "supervisord.conf")
        .directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(dir.resolve("stderr.txt").toFile());
    pb.environment().clear();
    pb.environment().putAll(ENV);
    Process p = pb.start();
    boolean exited = p.waitFor(20, TimeUnit.SECONDS);
    if (!exited) {
      p.destroyForcibly();
    }
    assertTrue(exited, "supervisord did not fail on this config");
    String theirs = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
    int help = theirs.indexOf("\nFor help, use ");
    assertEquals(ours, help < 0 ? theirs : theirs.substring(0, help));
    assertEquals(2, p.exitValue());
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", "/root");
    env.put("PATH", "/usr/bin:/bin");
    env.put("LC_CTYPE", "C.UTF-8");
    return env;
  }
}
