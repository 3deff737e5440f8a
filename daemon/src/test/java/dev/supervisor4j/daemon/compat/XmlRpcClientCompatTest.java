package dev.supervisor4j.daemon.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor4j.daemon.testing.DaemonProcess;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python's stock {@code xmlrpc.client} calls every method {@code system.listMethods()} names, with
 * valid arguments and, where the method takes a name, with a bad one, an empty one and values that
 * are not strings; the outcomes (success, or the fault code, and for the odd names the
 * faultString) must be those of Supervisor 4.2.5 on the same config.
 */
@Tag("compat")
class XmlRpcClientCompatTest {
  static final Path PYTHON = Path.of("/usr/bin/python3");

  @TempDir Path oursDir;
  @TempDir Path realDir;

  @Test
  void everyMethodGivesSupervisorsOutcome() throws Exception {
    assumeTrue(RealSupervisor.daemonInstalled() && Files.isExecutable(PYTHON),
        "needs Debian's supervisor package and /usr/bin/python3");
    Path script = oursDir.resolve("call_every_method.py");
    try (InputStream in = getClass().getResourceAsStream("/compat/call_every_method.py")) {
      Files.write(script, in.readAllBytes());
    }
    int oursPort = RealSupervisor.freePort();
    int realPort = RealSupervisor.freePort();
    Files.writeString(realDir.resolve("supervisord.conf"), StockSupervisorctlTest.config(realPort, false));
    Process real = RealSupervisor.startDaemon(realDir.resolve("supervisord.conf"));
    try (DaemonProcess ours = DaemonProcess.start(oursDir, StockSupervisorctlTest.config(oursPort, false))) {
      StockSupervisorctlTest.awaitSteady(oursDir);
      StockSupervisorctlTest.awaitSteady(realDir);
      String o = outcomes(run(script, oursPort));
      String r = outcomes(run(script, realPort));
      assertEquals(r, o);
      assertEquals("count 41", o.lines().findFirst().orElse(""));
    } finally {
      real.destroy();
      real.waitFor();
    }
  }

  static String run(Path script, int port) throws Exception {
    Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), "http://127.0.0.1:" + port + "/RPC2")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  /**
   * Keeps "<method> <label> ok" or "<method> <label> fault <code>" (with the faultString for odd
   * names), drops the returned values. Where Supervisor answers a name of the wrong type with HTTP
   * 500 (an AttributeError in its process methods), we answer INCORRECT_PARAMETERS on purpose
   * (protocol's Args): the two count as the same outcome.
   */
  static String outcomes(String out) {
    List<String> lines = out.lines().map(l -> {
      String[] f = l.split(" ");
      if (f.length >= 3 && f[2].equals("ok")) {
        return f[0] + " " + f[1] + " ok";
      }
      if (f.length == 4 && f[2].equals("http") && f[3].equals("500")) {
        return f[0] + " " + f[1] + " fault 2 'INCORRECT_PARAMETERS'";
      }
      return l;
    }).collect(Collectors.toList());
    return String.join("\n", lines);
  }
}
