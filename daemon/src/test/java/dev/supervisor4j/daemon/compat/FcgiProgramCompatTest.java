package dev.supervisor4j.daemon.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor4j.daemon.testing.DaemonProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code [fcgi-program:x]} against Supervisor 4.2.5, with real FastCGI exchanges: a tcp pool of two
 * processes and a unix one ({@code socket_owner}, {@code socket_mode}) run a stdlib Python responder
 * that accepts on fd 0, and Debian's {@code cgi-fcgi} (libfcgi-bin) asks them. {@code fcgi_probe.py}
 * checks that every process's fd 0 is the listening socket, that each answers, that stdin cannot be
 * written, that the socket survives a restart while another process holds it and is made again when
 * none does, and that nothing listens once the groups are stopped and removed; its output under both
 * daemons must be the same, main-log {@code Creating socket}/{@code Closing socket} lines included.
 */
@Tag("compat")
class FcgiProgramCompatTest {
  static final Path CGI_FCGI = Path.of("/usr/bin/cgi-fcgi");

  @TempDir Path oursDir;
  @TempDir Path realDir;

  static String config(Path dir, int port) throws IOException {
    copy("fcgi_responder.py", dir);
    String responder = "command=" + XmlRpcClientCompatTest.PYTHON + " %(here)s/fcgi_responder.py";
    return String.join("\n",
        "[unix_http_server]",
        "file=%(here)s/s.sock",
        "",
        "[supervisord]",
        "logfile=%(here)s/supervisord.log",
        "pidfile=%(here)s/supervisord.pid",
        "childlogdir=%(here)s",
        "nodaemon=true", // so that the test's close() stops our daemon (Supervisor runs with -n)
        "",
        "[rpcinterface:supervisor]",
        "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
        "",
        "[fcgi-program:tcpf]",
        responder,
        "socket=tcp://127.0.0.1:" + port,
        "process_name=%(program_name)s_%(process_num)d",
        "numprocs=2",
        "startsecs=1",
        "",
        "[fcgi-program:unixf]",
        responder,
        "socket=unix://%(here)s/unixf.sock",
        // chown needs root; as another user, the socket keeps its owner under both daemons
        isRoot() ? "socket_owner=nobody" : "",
        "socket_mode=0660",
        "startsecs=1",
        "");
  }

  @Test
  void fastCgiPoolsBehaveAsUnderSupervisor() throws Exception {
    assumeTrue(Files.isExecutable(CGI_FCGI), "needs cgi-fcgi (Debian's libfcgi-bin) as the FastCGI client");
    assumeTrue(RealSupervisor.daemonInstalled() && Files.isExecutable(XmlRpcClientCompatTest.PYTHON),
        "needs Debian's supervisor package and /usr/bin/python3");
    Path script = copy("fcgi_probe.py", oursDir);

    int realPort = RealSupervisor.freePort();
    Files.writeString(realDir.resolve("supervisord.conf"), config(realDir, realPort));
    Process real = RealSupervisor.startDaemon(realDir.resolve("supervisord.conf"));
    String theirs;
    try {
      theirs = probe(script, realDir, realPort);
    } finally {
      real.destroy();
      real.waitFor();
    }

    int ourPort = RealSupervisor.freePort();
    String ours;
    try (DaemonProcess d = DaemonProcess.start(oursDir, config(oursDir, ourPort))) {
      ours = probe(script, oursDir, ourPort);
    }
    // The facts themselves, so that a probe that broke the same way under both daemons still fails:
    assertTrue(theirs.contains("answer from tcpf:tcpf_1 with fd0 = the listening socket"), theirs);
    assertTrue(theirs.contains("fd0 of unixf is the listening socket"), theirs);
    assertTrue(theirs.contains("tcp listening: False unix listening: False"), theirs);
    assertEquals(theirs, ours);
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static Path copy(String resource, Path dir) throws IOException {
    Path target = dir.resolve(resource);
    try (InputStream in = FcgiProgramCompatTest.class.getResourceAsStream("/compat/" + resource)) {
      Files.write(target, in.readAllBytes());
    }
    return target;
  }

  /** Waits for the daemon's RPC socket, then runs the probe against it. */
  private static String probe(Path script, Path dir, int port) throws Exception {
    Path socket = dir.resolve("s.sock");
    for (int i = 0; i < 300 && !Files.exists(socket); i++) {
      Thread.sleep(100);
    }
    Process p = new ProcessBuilder(XmlRpcClientCompatTest.PYTHON.toString(), script.toString(), socket.toString(),
        dir.toString(), Integer.toString(port), CGI_FCGI.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
