package dev.supervisor4j.daemon.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line up to the point where the daemon would start: help, version, every exit 2. */
class SupervisordCommandLineTest {
  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Supervisord.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void versionPrintsSupervisorsVersion() {
    Result r = run("-v");
    assertEquals(0, r.code());
    assertEquals("4.2.5\n", r.out());
  }

  @Test
  void helpPrintsUsageForEveryOption() {
    Result r = run("-h");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("Usage: supervisord [options]"), r.out());
    for (String opt : List.of("-c/--configuration", "-n/--nodaemon", "-s/--silent", "-h/--help", "-v/--version",
        "-u/--user", "-m/--umask", "-d/--directory", "-l/--logfile", "-y/--logfile_maxbytes",
        "-z/--logfile_backups", "-e/--loglevel", "-j/--pidfile", "-i/--identifier", "-q/--childlogdir",
        "-k/--nocleanup", "-a/--minfds", "-t/--strip_ansi", "--minprocs", "--profile_options")) {
      assertTrue(r.out().contains(opt), opt);
    }
  }

  @Test
  void badConfigPrintsTheErrorAndExitsTwo() throws Exception {
    Path conf = dir.resolve("bad.conf");
    Files.writeString(conf, "[supervisord]\n[program:x]\ncommand=sleep 1\nstartsecs=abc\n");
    Result r = run("-c", conf.toString());
    assertEquals(2, r.code());
    assertEquals("Error: invalid literal for int() with base 10: 'abc' in section 'program:x' (file: '" + conf
        + "')\nFor help, use supervisord -h\n", r.err());
  }

  @Test
  void missingConfigFile() {
    Result r = run("-c", dir.resolve("nope.conf").toString());
    assertEquals(2, r.code());
    assertEquals("Error: could not find config file " + dir.resolve("nope.conf") + "\nFor help, use supervisord -h\n",
        r.err());
  }

  @Test
  void badOptionExitsTwo() {
    Result r = run("--bogus");
    assertEquals(2, r.code());
    assertEquals("Error: option --bogus not recognized\nFor help, use supervisord -h\n", r.err());
  }
}
