package dev.supervisor4j.daemon.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor4j.daemon.testing.DaemonProcess;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stock supervisorctl over TCP with a password, and its streaming tail -f / maintail -f. */
@Tag("compat")
class TcpAndTailCompatTest {
  @TempDir Path dir;

  static String conf(int port) {
    return StockSupervisorctlTest.config(port) + String.join("\n",
        "[program:chatty]",
        "command=sh -c 'i=0; while :; do echo line $i; i=$((i+1)); sleep 0.2; done'",
        "startsecs=0",
        "");
  }

  @Test
  void overTcpWithAPasswordContainingAColon() throws Exception {
    assumeTrue(RealSupervisor.ctlInstalled(), "needs Debian's supervisor package (supervisorctl)");
    int port = RealSupervisor.freePort();
    try (DaemonProcess d = DaemonProcess.start(dir, conf(port))) {
      StockSupervisorctlTest.awaitSteady(dir);
      List<String> tcp = List.of("-s", "http://127.0.0.1:" + port, "-u", "user", "-p", "se:cret");
      RealSupervisor.Ctl status = ctl(tcp, "status", "cat");
      assertEquals(0, status.code(), status.both());
      assertTrue(status.out().startsWith("cat                              RUNNING   pid "), status.out());
      assertEquals("cat: stopped\n", ctl(tcp, "stop", "cat").out());
      assertEquals("cat: started\n", ctl(tcp, "start", "cat").out());
      RealSupervisor.Ctl wrong = ctl(List.of("-s", "http://127.0.0.1:" + port, "-u", "user", "-p", "nope"), "status");
      assertEquals(1, wrong.code());
      assertTrue(wrong.out().startsWith("Server requires authentication\n"), wrong.out());
      RealSupervisor.Ctl none = ctl(List.of("-s", "http://127.0.0.1:" + port), "status");
      assertEquals(1, none.code());
      assertTrue(none.out().startsWith("Server requires authentication\n"), none.out());
      assertEquals("Shut down\n", ctl(tcp, "shutdown").out());
      assertEquals(0, d.awaitExit(Duration.ofSeconds(30)));
    }
  }

  @Test
  void tailFollowReadsNewOutputAsItComes() throws Exception {
    assumeTrue(RealSupervisor.ctlInstalled(), "needs Debian's supervisor package (supervisorctl)");
    int port = RealSupervisor.freePort();
    try (DaemonProcess d = DaemonProcess.start(dir, conf(port))) {
      StockSupervisorctlTest.awaitSteady(dir);
      for (List<String> args : List.of(List.of("tail", "-f", "chatty"), List.of("maintail", "-f"))) {
        List<String> cmd = new ArrayList<>(List.of(RealSupervisor.SUPERVISORCTL.toString(), "-c",
            dir.resolve("supervisord.conf").toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (InputStream in = p.getInputStream()) {
          String first = readUntil(in, "==> Press Ctrl-C to exit <==\n", Duration.ofSeconds(15));
          assertTrue(first.contains("==> Press Ctrl-C to exit <=="), first);
          // New lines keep coming while the command runs: chatty writes one every 0.2 s, and
          // maintail sees the main log grow when we stop and start a process.
          if (args.get(0).equals("maintail")) {
            ctl(List.of("-c", dir.resolve("supervisord.conf").toString()), "restart", "cat");
            readUntil(in, "spawned: 'cat'", Duration.ofSeconds(15));
          } else {
            String seen = readUntil(in, "line ", Duration.ofSeconds(15));
            int n = lastLineNumber(seen + readUntil(in, "\n", Duration.ofSeconds(5)));
            String later = readUntil(in, "line " + (n + 3) + "\n", Duration.ofSeconds(15));
            assertTrue(later.contains("line " + (n + 3)), later);
          }
        } finally {
          p.destroy();
          p.waitFor(10, TimeUnit.SECONDS);
        }
      }
    }
  }

  static RealSupervisor.Ctl ctl(List<String> options, String... args) throws Exception {
    List<String> all = new ArrayList<>(options);
    all.addAll(List.of(args));
    return RealSupervisor.ctl(Path.of(System.getProperty("java.io.tmpdir")), all);
  }

  static int lastLineNumber(String text) {
    Matcher m = Pattern.compile("line (\\d+)").matcher(text);
    int n = -1;
    while (m.find()) {
      n = Integer.parseInt(m.group(1));
    }
    return n;
  }

  /** Reads until {@code marker} appears (fails after the timeout), returning all that was read. */
  static String readUntil(InputStream in, String marker, Duration timeout) throws Exception {
    StringBuilder sb = new StringBuilder();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!sb.toString().contains(marker)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + marker + "' in: " + sb);
      }
      if (in.available() > 0) {
        byte[] b = new byte[in.available()];
        int n = in.read(b);
        sb.append(new String(b, 0, n, StandardCharsets.UTF_8));
      } else {
        Thread.sleep(20);
      }
    }
    return sb.toString();
  }
}
