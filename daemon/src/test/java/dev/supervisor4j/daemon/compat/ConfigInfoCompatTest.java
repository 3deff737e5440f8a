package dev.supervisor4j.daemon.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor4j.daemon.testing.DaemonProcess;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * getAllConfigInfo, every field, and getProcessInfo's log fields, against Supervisor 4.2.5 on a
 * config with a plain program, one with {@code redirect_stderr}, a {@code numprocs} pool, a fixed
 * log file (and {@code stdout_syslog}) and an event listener: AUTO log names show their path until
 * a reread, {@code auto} after it, and their path again for a group added from that reread.
 */
@Tag("compat")
class ConfigInfoCompatTest {
  @TempDir Path oursDir;
  @TempDir Path realDir;

  static String config() {
    return String.join("\n",
        "[unix_http_server]",
        "file=%(here)s/s.sock",
        "",
        "[supervisord]",
        "logfile=%(here)s/supervisord.log",
        "pidfile=%(here)s/supervisord.pid",
        "childlogdir=%(here)s",
        "",
        "[rpcinterface:supervisor]",
        "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
        "",
        "[program:web]",
        "command=sleep 1000",
        "startsecs=0",
        "",
        "[program:red]",
        "command=sleep 1000",
        "redirect_stderr=true",
        "startsecs=0",
        "",
        "[program:many]",
        "command=sleep 1000",
        "process_name=%(program_name)s_%(process_num)02d",
        "numprocs=2",
        "startsecs=0",
        "",
        "[program:fixed]",
        "command=sleep 1000",
        "stdout_logfile=%(here)s/fixed.log",
        "stdout_syslog=true",
        "stderr_logfile=NONE",
        "autostart=false",
        "",
        "[eventlistener:lis]",
        "command=/usr/bin/python3 -c \"import sys,time; sys.stdout.write('READY\\n'); sys.stdout.flush();"
            + " time.sleep(1000)\"",
        "events=TICK_60",
        "startsecs=0",
        "");
  }

  @Test
  void configAndLogFieldsAreSupervisors() throws Exception {
    assumeTrue(RealSupervisor.daemonInstalled() && Files.isExecutable(XmlRpcClientCompatTest.PYTHON),
        "needs Debian's supervisor package and /usr/bin/python3");
    Path script = oursDir.resolve("config_info.py");
    try (InputStream in = getClass().getResourceAsStream("/compat/config_info.py")) {
      Files.write(script, in.readAllBytes());
    }
    Files.writeString(realDir.resolve("supervisord.conf"), config());
    Process real = RealSupervisor.startDaemon(realDir.resolve("supervisord.conf"));
    String r;
    try {
      r = probe(script, realDir);
    } finally {
      real.destroy();
      real.waitFor();
    }
    String o;
    try (DaemonProcess ours = DaemonProcess.start(oursDir, config())) {
      o = probe(script, oursDir);
    }
    assertTrue(r.contains("start config web:web") && r.contains("readded info red:red"), r);
    assertTrue(r.contains("stdout_logfile=DIR/web-stdout---supervisor-X.log"), r);
    assertEquals(r, o);
  }

  /** Waits for the socket, then runs the script against the daemon in {@code dir}. */
  private static String probe(Path script, Path dir) throws Exception {
    Path socket = dir.resolve("s.sock");
    for (int i = 0; i < 300 && !Files.exists(socket); i++) {
      Thread.sleep(100);
    }
    Process p = new ProcessBuilder(XmlRpcClientCompatTest.PYTHON.toString(), script.toString(), socket.toString(),
        dir.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return out;
  }
}
