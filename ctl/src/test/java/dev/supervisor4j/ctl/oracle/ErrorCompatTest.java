package dev.supervisor4j.ctl.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Failures, Python's supervisorctl against ours: a missing socket, a refused port, bad or missing
 * credentials, bad URLs, option and config errors, and the shell on a non-terminal stdin. Same
 * stdout, stderr and exit status ({@code {PORT}}, {@code {AUTH}}, {@code {DIR}} are filled in).
 */
@Tag("compat")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorCompatTest {
  private Path dir;
  private RealSupervisord daemon;
  private int closedPort;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    dir = tmp;
    Assumptions.assumeTrue(RealSupervisord.installed(), RealSupervisord.ABSENT);
    daemon = RealSupervisord.start(dir);
    closedPort = RealSupervisord.freePort();
    Files.writeString(dir.resolve("noctl.conf"), "[supervisord]\n");
    Files.writeString(dir.resolve("badexp.conf"), "[supervisorctl]\nserverurl=unix://%(nope)s/x.sock\n");
    Files.writeString(dir.resolve("pct.conf"), "[supervisorctl]\npassword=50%\n");
    Files.writeString(dir.resolve("tcp.conf"), "[supervisorctl]\nserverurl=http://127.0.0.1:" + daemon.port
        + "\nusername=user\npassword=123\nprompt=tcp\n");
  }

  @AfterAll
  void stop() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
  }

  static Stream<String> cases() {
    return Stream.of(
        "-s unix:///nonexistent/sv.sock status", "-s unix:///nonexistent/sv.sock version",
        "-s unix:///nonexistent/sv.sock tail cat", "-s unix:///nonexistent/sv.sock shutdown",
        "-s unix:///nonexistent/sv.sock avail", "-s unix:///nonexistent/sv.sock reload",
        "-s unix:///etc/hostname status",
        "-s http://127.0.0.1:{CLOSED} status", "-s http://127.0.0.1:{CLOSED} pid",
        "-s http://127.0.0.1:{CLOSED} tail -f cat", "-s http://127.0.0.1:{CLOSED} reread",
        "-s http://127.0.0.1:{CLOSED} shutdown", "-s http://127.0.0.1:{CLOSED} update",
        "-s http://127.0.0.1:{PORT} status", "-s http://127.0.0.1:{PORT} -u user version",
        "-s http://127.0.0.1:{PORT} -u user -p bad start cat", "-s http://127.0.0.1:{PORT} -u user -p bad avail",
        "-s http://127.0.0.1:{PORT} -u user -p 123 version", "-s http://localhost:{PORT} -u user -p 123 status cat",
        "-s http://127.0.0.1:{PORT} -u user -p 123 tail -f nosuch",
        "-s http://127.0.0.1:{PORT} -u user -p 123 maintail -5",
        "-c {DIR}/tcp.conf pid grp:ga", "-s foo:bar version", "-s unix:relative status", "-s http://h:x status",
        "-x", "--foo", "-c", "-c /nonexistent.conf", "-s foo status", "-i -i", "--interactive=1",
        "--history-file x", "-s http://a -s http://b", "--conf", "--configuration={DIR}/noctl.conf status",
        "-c {DIR}/badexp.conf status", "-c {DIR}/pct.conf status");
  }

  private List<String> argv(String template) {
    String s = template.replace("{CLOSED}", Integer.toString(closedPort)).replace("{PORT}", Integer.toString(daemon.port))
        .replace("{DIR}", dir.toString());
    return new ArrayList<>(Arrays.asList(s.split(" ")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sameAsPython(String template) throws Exception {
    List<String> argv = argv(template);
    Ctl.Result python = Ctl.pythonRaw(argv, "", dir).normalised();
    Ctl.Result ours = Ctl.oursRaw(argv, "").normalised();
    assertEquals(python.toString(), ours.toString());
  }

  /** The shell on a non-terminal stdin: prompts on stdout, status first, an empty line at the end, exit 0. */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("shellInputs")
  void shellOnPlainStdin(String input) throws Exception {
    List<String> argv = List.of("-c", daemon.conf.toString());
    Ctl.Result python = Ctl.pythonRaw(argv, input, dir).normalised();
    Ctl.Result ours = Ctl.oursRaw(argv, input).normalised();
    assertEquals(python.toString(), ours.toString());
  }

  static Stream<String> shellInputs() {
    return Stream.of("", "status cat\nfoo\nversion\nhelp nosuch\n\n  \nstop nosuch\n", "tail -x cat\nquit\nversion\n",
        "shutdown\nno\nreload\nN\n", "EOF\n", "exit\n");
  }

  /** {@code open}: a new server for the rest of the session; its status shows, the exit status stays. */
  @Test
  void open() throws Exception {
    String sock = "unix://" + daemon.socket;
    String input = "open " + sock + "\nopen http://127.0.0.1:" + closedPort + "\nversion\nopen HTTP://x\nopen ftp://x\n";
    List<String> shell = List.of("-s", "unix:///nonexistent.sock");
    assertEquals(Ctl.pythonRaw(shell, input, dir).normalised().toString(), Ctl.oursRaw(shell, input).normalised().toString());
    for (String url : List.of(sock, "http://127.0.0.1:" + closedPort)) {
      List<String> once = List.of("-c", daemon.conf.toString(), "open", url);
      assertEquals(Ctl.pythonRaw(once, "", dir).normalised().toString(), Ctl.oursRaw(once, "").normalised().toString());
    }
  }

  @Test
  void interactiveFlagWithAnActionRunsItOnce() throws Exception {
    List<String> argv = List.of("-c", daemon.conf.toString(), "-i", "shutdown");
    Ctl.Result python = Ctl.pythonRaw(argv, "n\n", dir).normalised();
    Ctl.Result ours = Ctl.oursRaw(argv, "n\n").normalised();
    assertEquals(python.toString(), ours.toString());
  }

  /** {@code -h}: our own words, but the same streams, exit status and usage line. */
  @Test
  void help() throws Exception {
    Ctl.Result python = Ctl.pythonRaw(List.of("-h"), "", dir);
    Ctl.Result ours = Ctl.oursRaw(List.of("-h"), "");
    assertEquals(python.code(), ours.code());
    assertEquals("", ours.err());
    String usage = "Usage: " + Ctl.PROGNAME + " [options] [action [arguments]]\n";
    assertTrue(python.out().contains(usage), python.out());
    assertTrue(ours.out().contains(usage), ours.out());
  }

  /** The interactive 401 path: Python's asks Username:/Password:, then retries with them. */
  @Test
  void shellAsksForCredentialsAfter401() {
    List<String> argv = List.of("-s", "http://127.0.0.1:" + daemon.port);
    Ctl.Result ours = Ctl.oursRaw(argv, "user\n123\nversion\n");
    assertEquals(0, ours.code(), ours.toString());
    assertTrue(ours.out().startsWith("Server requires authentication\nUsername:\n"), ours.toString());
    assertTrue(ours.out().contains("RUNNING"), ours.toString());
    assertTrue(ours.out().contains("supervisor> 4.2.5\n"), ours.toString());
    assertEquals("Password:", ours.err());
  }
}
