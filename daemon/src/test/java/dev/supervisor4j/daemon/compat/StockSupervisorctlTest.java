package dev.supervisor4j.daemon.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor4j.daemon.testing.DaemonProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stock Python supervisorctl against our daemon and against Supervisor 4.2.5's own, on the
 * same config, command by command: the same output (pids, times and paths normalised) and the
 * same exit codes. Over the unix socket, and over TCP with a password.
 */
@Tag("compat")
class StockSupervisorctlTest {
  @TempDir Path oursDir;
  @TempDir Path realDir;

  static String config(int port) {
    return config(port, true);
  }

  /** @param auth whether the TCP listener asks for a password (the unix socket never does) */
  static String config(int port, boolean auth) {
    return String.join("\n",
        "[unix_http_server]",
        "file=%(here)s/s.sock",
        "",
        "[inet_http_server]",
        "port=127.0.0.1:" + port,
        auth ? "username=user" : "",
        auth ? "password=se:cret" : "",
        "",
        "[supervisord]",
        "logfile=%(here)s/supervisord.log",
        "pidfile=%(here)s/supervisord.pid",
        "childlogdir=%(here)s",
        "nodaemon=true",
        "silent=true",
        "",
        "[rpcinterface:supervisor]",
        "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
        "",
        "[supervisorctl]",
        "serverurl=unix://%(here)s/s.sock",
        "",
        "[program:cat]",
        "command=cat",
        "startsecs=1",
        "",
        "[program:manual]",
        "command=sleep 1000",
        "autostart=false",
        "",
        // startsecs well above supervisord's ~1 s exit-detection lag, so both daemons see BACKOFF.
        "[program:failer]",
        "command=sh -c 'exit 3'",
        "startretries=0",
        "startsecs=5",
        "",
        "[program:missing]",
        "command=/nonexistent/cmd",
        "startretries=0",
        "",
        "[program:echoer]",
        "command=sh -c 'echo hello; echo oops >&2; exec sleep 1000'",
        "startsecs=0",
        "",
        "[group:grp]",
        "programs=ga,gb",
        "",
        "[program:ga]",
        "command=sleep 1000",
        "startsecs=0",
        "",
        "[program:gb]",
        "command=sleep 1000",
        "startsecs=0",
        "numprocs=2",
        "process_name=%(program_name)s_%(process_num)d",
        "");
  }

  /** One step: supervisorctl arguments (after -c conf); whether its lines may come in any order. */
  record Step(List<String> args, boolean anyOrder) {}

  static Step step(String args) {
    return new Step(List.of(args.split(" ")), false);
  }

  static Step unordered(String args) {
    return new Step(List.of(args.split(" ")), true);
  }

  static final List<Step> SCRIPT = List.of(
      step("status"), step("status cat"), step("status grp:*"), step("status nosuch"),
      step("status nosuch cat"), step("status manual nosuch"), step("pid"), step("pid cat"), step("pid manual"),
      step("pid all"), step("pid nosuch"), step("version"), step("avail"),
      step("stop cat"), step("status cat"), step("start cat"), step("restart cat"), step("start cat"),
      unordered("stop grp:*"), step("status"), unordered("start grp:*"), step("stop grp:ga"), step("start grp:ga"),
      step("stop nosuch"), step("start nosuch"), step("stop manual"), step("start failer"), step("start missing"),
      step("signal HUP ga"), step("signal bogus cat"), step("signal HUP manual"), step("signal"),
      step("tail echoer"), step("tail echoer stderr"), step("tail -3 echoer"), step("tail failer"),
      step("clear echoer"), step("tail echoer"), step("clear nosuch"), step("tail nosuch"), step("tail"), step("start"), step("stop"),
      unordered("stop all"), unordered("start all"), step("status"), step("reread"), step("bogus"),
      step("shutdown"));

  @Test
  void everyCommandPrintsWhatItPrintsAgainstSupervisor425() throws Exception {
    assumeTrue(RealSupervisor.ctlInstalled() && RealSupervisor.daemonInstalled(),
        "needs Debian's supervisor package (supervisord and supervisorctl 4.2.5)");
    int oursPort = RealSupervisor.freePort();
    int realPort = RealSupervisor.freePort();
    Files.writeString(realDir.resolve("supervisord.conf"), config(realPort));
    Process real = RealSupervisor.startDaemon(realDir.resolve("supervisord.conf"));
    try (DaemonProcess ours = DaemonProcess.start(oursDir, config(oursPort))) {
      awaitSteady(oursDir);
      awaitSteady(realDir);
      List<String> diffs = new ArrayList<>();
      for (Step s : SCRIPT) {
        RealSupervisor.Ctl o = run(oursDir, s.args());
        RealSupervisor.Ctl r = run(realDir, s.args());
        String on = normalise(o, oursDir, oursPort, s.anyOrder());
        String rn = normalise(r, realDir, realPort, s.anyOrder());
        if (!on.equals(rn)) {
          diffs.add("supervisorctl " + String.join(" ", s.args()) + "\n--- ours:\n" + on + "\n--- Supervisor 4.2.5:\n" + rn);
        }
        if (s.args().get(0).equals("signal") || s.args().get(0).endsWith("all")
            || s.args().get(0).equals("start") || s.args().get(0).equals("restart")) {
          awaitSteady(oursDir);
          awaitSteady(realDir);
        }
      }
      assertTrue(diffs.isEmpty(), String.join("\n\n", diffs));
      assertEquals(0, ours.awaitExit(Duration.ofSeconds(30)), "shutdown exits 0");
    } finally {
      real.destroy();
      real.waitFor();
    }
  }

  static RealSupervisor.Ctl run(Path dir, List<String> args) throws Exception {
    List<String> all = new ArrayList<>(List.of("-c", dir.resolve("supervisord.conf").toString()));
    all.addAll(args);
    return RealSupervisor.ctl(dir, all);
  }

  /** Waits until nothing is STARTING, BACKOFF or STOPPING (timers settle the same way on both). */
  static void awaitSteady(Path dir) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      RealSupervisor.Ctl c = run(dir, List.of("status"));
      last = c.both();
      if ((c.code() == 0 || c.code() == 3) && !last.contains("STARTING") && !last.contains("BACKOFF")
          && !last.contains("STOPPING") && last.contains("cat ")) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no steady state in " + dir + ":\n" + last);
  }

  private static final Pattern PID = Pattern.compile("pid \\d+");
  private static final Pattern BARE_PID = Pattern.compile("(?m)^[1-9]\\d*$");
  private static final Pattern UPTIME = Pattern.compile("uptime \\d+:\\d\\d:\\d\\d");
  private static final Pattern DATE = Pattern.compile("[A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d [AP]M");
  private static final Pattern AUTO = Pattern.compile("---supervisor-[a-z0-9_]{8}\\.log");

  static String normalise(RealSupervisor.Ctl c, Path dir, int port, boolean anyOrder) {
    String text = "exit " + c.code() + "\n--stdout--\n" + sorted(c.out(), anyOrder) + "--stderr--\n" + c.err();
    text = text.replace(dir.toString(), "DIR").replace(Integer.toString(port), "PORT");
    text = PID.matcher(text).replaceAll("pid N");
    text = BARE_PID.matcher(text).replaceAll("N");
    text = UPTIME.matcher(text).replaceAll("uptime U");
    text = DATE.matcher(text).replaceAll("DATE");
    return AUTO.matcher(text).replaceAll("---supervisor-X.log");
  }

  static String sorted(String out, boolean anyOrder) {
    if (!anyOrder) {
      return out;
    }
    List<String> lines = new ArrayList<>(out.lines().toList());
    lines.sort(null);
    return String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
  }
}
