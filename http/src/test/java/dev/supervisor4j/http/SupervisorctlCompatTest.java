package dev.supervisor4j.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor4j.http.testing.FakeSupervisorApi;
import dev.supervisor4j.http.testing.Listeners;
import dev.supervisor4j.http.testing.RecordingLog;
import dev.supervisor4j.http.testing.TestPublisher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stock Python supervisorctl 4.2.5 against this front end, with a canned XML-RPC handler: the
 * XML-RPC path ({@code version}) and the streaming path ({@code tail -f}, {@code maintail -f}, whose
 * client sends an empty Host header and an extra CRLF). Skipped where supervisorctl is not installed.
 */
@Timeout(60)
class SupervisorctlCompatTest {
  static final Path SUPERVISORCTL = Path.of("/usr/bin/supervisorctl");
  static final Pattern METHOD = Pattern.compile("<methodName>([^<]*)</methodName>");

  static ActorSystem<Void> system;
  static HttpFrontEnd frontEnd;
  static Path dir;
  static final FakeSupervisorApi api = new FakeSupervisorApi();

  @BeforeAll
  static void up() throws Exception {
    assumeTrue(Files.isExecutable(SUPERVISORCTL), "supervisorctl 4.2.5 is not installed at " + SUPERVISORCTL);
    system = ActorSystem.create(Behaviors.empty(), "SupervisorctlCompatTest");
    dir = Files.createTempDirectory("ctl");
    frontEnd = Listeners.bind(system,
        List.of(Listeners.unix(dir.resolve("s.sock"), "user", "{SHA}82ab876d1387bfafe46cc1c8a2ef074eae50cb1d"),
            Listeners.inet("user", "thepassword")),
        SupervisorctlCompatTest::canned, api, new RecordingLog(), HttpOptions.defaults());
  }

  @AfterAll
  static void down() throws Exception {
    if (frontEnd != null) {
      Listeners.stop(frontEnd);
    }
    if (system != null) {
      system.terminate();
    }
  }

  /** Just enough XML-RPC: supervisorctl's version check and the version it prints. */
  private static CompletableFuture<byte[]> canned(byte[] body) {
    Matcher method = METHOD.matcher(new String(body, StandardCharsets.UTF_8));
    String name = method.find() ? method.group(1) : "";
    String value = switch (name) {
      case "supervisor.getVersion", "supervisor.getAPIVersion" -> "3.0";
      case "supervisor.getSupervisorVersion" -> "4.2.5";
      default -> null;
    };
    if (value == null) {
      return CompletableFuture.failedFuture(new RpcHandler.BadRequest("unexpected " + name));
    }
    String xml = "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><string>"
        + value + "</string></value>\n</param>\n</params>\n</methodResponse>\n";
    return CompletableFuture.completedFuture(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static Path config(String serverUrl, String password) throws IOException {
    Path conf = Files.createTempFile(dir, "ctl", ".conf");
    Files.writeString(conf, "[supervisorctl]\nserverurl=" + serverUrl + "\nusername=user\npassword="
        + password + "\n");
    return conf;
  }

  private static String unixUrl() {
    return "unix://" + dir.resolve("s.sock");
  }

  private static String inetUrl() {
    InetSocketAddress address = (InetSocketAddress) Listeners.address(frontEnd, "inet");
    return "http://127.0.0.1:" + address.getPort();
  }

  private static Process start(Path conf, String... command) throws IOException {
    List<String> argv = new java.util.ArrayList<>(List.of(SUPERVISORCTL.toString(), "-c", conf.toString()));
    argv.addAll(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
    builder.environment().put("PYTHONUNBUFFERED", "1");
    return builder.start();
  }

  private static String run(Path conf, String... command) throws Exception {
    Process process = start(conf, command);
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    return process.exitValue() + ":" + out;
  }

  /** Reads the process output until it contains {@code expected}, then returns all of it. */
  private static String readUntil(InputStream in, String expected) throws IOException {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    while (!seen.toString(StandardCharsets.UTF_8).contains(expected)) {
      int n = in.read(buffer);
      if (n < 0) {
        break;
      }
      seen.write(buffer, 0, n);
    }
    return seen.toString(StandardCharsets.UTF_8);
  }

  @Test
  void versionOverTheUnixSocketAndTcp() throws Exception {
    assertEquals("0:4.2.5\n", run(config(unixUrl(), "thepassword"), "version"));
    assertEquals("0:4.2.5\n", run(config(inetUrl(), "thepassword"), "version"));
  }

  @Test
  void wrongPasswordIsReportedAsSupervisorctlExpects() throws Exception {
    String out = run(config(unixUrl(), "wrong"), "version");
    assertTrue(out.startsWith("1:Server requires authentication\n"), out);
  }

  @Test
  void tailFollowsTheStreamOverTheUnixSocket() throws Exception {
    follow(config(unixUrl(), "thepassword"), api.log("chatty", "stdout"), "tail", "-f", "chatty");
  }

  @Test
  void tailFollowsStderrOverTcp() throws Exception {
    follow(config(inetUrl(), "thepassword"), api.log("grp:chatty", "stderr"), "tail", "-f", "grp:chatty", "stderr");
  }

  @Test
  void maintailFollowsTheMainLog() throws Exception {
    TestPublisher main = new TestPublisher();
    api.mainLog = main;
    follow(config(unixUrl(), "thepassword"), main, "maintail", "-f");
  }

  private static void follow(Path conf, TestPublisher log, String... command) throws Exception {
    Process process = start(conf, command);
    try {
      InputStream out = process.getInputStream();
      assertTrue(readUntil(out, "==> Press Ctrl-C to exit <==\n").endsWith("==> Press Ctrl-C to exit <==\n"));
      log.emit("first line\n");
      assertTrue(readUntil(out, "first line\n").endsWith("first line\n"));
      log.emit("second line\n");
      assertTrue(readUntil(out, "second line\n").endsWith("second line\n"));
    } finally {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    log.cancelled().get(10, TimeUnit.SECONDS); // supervisorctl went away, the stream is released
  }
}
