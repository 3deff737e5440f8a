package dev.supervisor4j.daemon.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor4j.daemon.testing.DaemonProcess;
import dev.supervisor4j.daemon.testing.PrivateDevLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logfile=syslog} and {@code stdout_syslog}/{@code stderr_syslog}, as they arrive on the wire:
 * each daemon runs with a {@code /dev/log} of the test's own ({@link PrivateDevLog}), and what it
 * sends there is compared, message by message and with its {@code <PRI>} header, to what Supervisor
 * 4.2.5 sends from the same config (timestamps and pids aside).
 */
@Tag("compat")
class SyslogCompatTest {
  private static final Duration WAIT = Duration.ofSeconds(40);
  /** glibc's header: {@code <PRI>Mmm dd hh:mm:ss } before the ident. */
  private static final Pattern HEADER =
      Pattern.compile("(?s)<(\\d+)>[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d (.*)");
  private static final Pattern ASCTIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} ");
  private static final Pattern PID = Pattern.compile("pid \\d+");
  private static final String RUNNING =
      "<14>supervisord: TS INFO success: web entered RUNNING state, process has stayed up for > than 0 seconds (startsecs)\n";

  @TempDir Path dir;

  static String config() {
    return String.join("\n",
        "[unix_http_server]",
        "file=%(here)s/s.sock",
        "",
        "[supervisord]",
        "logfile=syslog",
        "logfile_maxbytes=1KB", // no file, so nothing to rotate
        "pidfile=%(here)s/supervisord.pid",
        "childlogdir=%(here)s",
        "nodaemon=true",
        "silent=true",
        "loglevel=debug",
        "",
        "[rpcinterface:supervisor]",
        "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
        "",
        "[program:web]",
        // one write of three lines (an empty one in the middle, % signs), then one line on stderr
        "command=sh -c 'printf \"hello\\n\\nworld 50%%%% %%%%s\\n\"; echo oops >&2; exec sleep 1000'",
        "startsecs=0",
        "stdout_syslog=true",
        "stderr_syslog=true",
        "stderr_logfile=NONE",
        "");
  }

  /** What a daemon sent to syslog from start to steady state, its readLog fault, then its stop. */
  record Run(List<String> untilSteady, String readLogFault, List<String> all) {}

  @Test
  void mainLogAndChildLinesArriveAsSupervisorSendsThem() throws Exception {
    String why = PrivateDevLog.unavailableReason();
    assumeTrue(why == null, why);
    Run ours = run(dir.resolve("ours"), false);

    // Ours, on its own: the format and priority Supervisor uses (checked against it below).
    for (String expected : List.of(
        "<14>supervisord: web hello",
        "<14>supervisord: web ",
        "<14>supervisord: web world 50% %s",
        "<14>supervisord: web oops",
        "<14>supervisord: TS INFO supervisord started with pid N\n",
        "<14>supervisord: TS CRIT Supervisor is running as root.  Privileges were not dropped because no "
            + "user is specified in the config file.  If you intend to run as root, you can set user=root in "
            + "the config file to avoid this message.\n",
        "<14>supervisord: TS INFO spawned: 'web' with pid N\n",
        "<14>supervisord: TS DEBG 'web' stdout output:\n",
        "<14>supervisord: TS DEBG hello\n",
        "<14>supervisord: TS DEBG \n",
        "<14>supervisord: TS DEBG world 50% %s\n",
        RUNNING)) {
      assertTrue(ours.untilSteady().contains(expected), () -> "missing " + expected + " in\n" + ours);
    }
    assertTrue(ours.untilSteady().stream().allMatch(m -> m.startsWith("<14>supervisord: ")), ours::toString);
    assertEquals("NO_FILE: syslog", ours.readLogFault());
    assertTrue(ours.all().contains("<14>supervisord: TS WARN received SIGTERM indicating exit request\n"),
        ours::toString);
    assertTrue(ours.all().contains("<14>supervisord: TS WARN stopped: web (terminated by SIGTERM)\n"),
        ours::toString);
    assertTrue(!Files.exists(dir.resolve("ours/syslog")) && !Files.exists(dir.resolve("ours/syslog.log")),
        "no file named after the word");

    assumeTrue(RealSupervisor.daemonInstalled(), "needs Debian's supervisor package for the differential");
    Run real = run(dir.resolve("real"), true);
    assertEquals(sorted(real.untilSteady()), sorted(ours.untilSteady()));
    assertEquals(real.readLogFault(), ours.readLogFault());
    for (String stop : List.of("<14>supervisord: TS WARN received SIGTERM indicating exit request\n",
        "<14>supervisord: TS WARN stopped: web (terminated by SIGTERM)\n")) {
      assertTrue(real.all().contains(stop), real::toString);
    }
  }

  private static long count(List<String> messages, String part) {
    return messages.stream().filter(m -> m.contains(part)).count();
  }

  private static List<String> sorted(List<String> messages) {
    return messages.stream().sorted().collect(Collectors.toList());
  }

  private Run run(Path where, boolean oracle) throws Exception {
    Files.createDirectories(where);
    try (PrivateDevLog devLog = PrivateDevLog.open(where)) {
      Path conf = where.resolve("supervisord.conf");
      Files.writeString(conf, config());
      Process daemon = oracle ? startReal(devLog, conf) : DaemonProcess.start(where, config(), devLog.wrapper()).process();
      try {
        // Loosely (the assertions compare exactly): RUNNING, and each output line twice (syslog, DEBG)
        List<String> steady = devLog.await(got -> count(got, "success: web entered RUNNING") == 1
            && count(got, "world 50% %s") == 2 && count(got, "oops") == 2,
            WAIT, (oracle ? "Supervisor's" : "our") + " messages up to RUNNING");
        String fault = readLogFault(where.resolve("s.sock"));
        daemon.destroy();
        assertTrue(daemon.waitFor(30, TimeUnit.SECONDS), "daemon stops on SIGTERM");
        DaemonProcess.sleepMillis(200); // the last datagrams
        return new Run(normalize(steady), fault, normalize(devLog.messages()));
      } finally {
        if (daemon.isAlive()) { // SIGTERM first: a SIGKILL would orphan the daemon's child
          daemon.destroy();
          if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
            daemon.destroyForcibly();
          }
        }
      }
    }
  }

  private static Process startReal(PrivateDevLog devLog, Path conf) throws Exception {
    List<String> cmd = new ArrayList<>(devLog.wrapper());
    cmd.addAll(List.of(RealSupervisor.SUPERVISORD.toString(), "-n", "-c", conf.toString()));
    return new ProcessBuilder(cmd).directory(conf.getParent().toFile())
        .redirectOutput(conf.getParent().resolve("real-stdout.txt").toFile())
        .redirectError(conf.getParent().resolve("real-stderr.txt").toFile())
        .start();
  }

  /** {@code supervisor.readLog(0, 0)} with Python's xmlrpc client: the fault code and string. */
  private static String readLogFault(Path socket) throws Exception {
    String script = String.join("\n",
        "import sys",
        "from xmlrpc.client import ServerProxy, Fault",
        "from supervisor.xmlrpc import SupervisorTransport",
        "proxy = ServerProxy('http://127.0.0.1', transport=SupervisorTransport(None, None, 'unix://' + sys.argv[1]))",
        "try:",
        "    proxy.supervisor.readLog(0, 0)",
        "    print('no fault')",
        "except Fault as f:",
        "    print(f.faultString)",
        "");
    Process p = new ProcessBuilder(XmlRpcClientCompatTest.PYTHON.toString(), "-c", script, socket.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    return out;
  }

  /** glibc's timestamp, the main log's asctime and pids taken out; the priority and ident kept. */
  static List<String> normalize(List<String> messages) {
    List<String> out = new ArrayList<>();
    for (String m : messages) {
      Matcher h = HEADER.matcher(m);
      String s = h.matches() ? "<" + h.group(1) + ">" + h.group(2) : "UNPARSED " + m;
      out.add(PID.matcher(ASCTIME.matcher(s).replaceFirst("TS ")).replaceAll("pid N"));
    }
    return out;
  }
}
