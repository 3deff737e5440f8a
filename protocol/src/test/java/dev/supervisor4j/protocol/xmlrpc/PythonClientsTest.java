package dev.supervisor4j.protocol.xmlrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor4j.protocol.testing.FakeSupervisorApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The oracle: Python's own {@code xmlrpc.client} and Supervisor 4.2.5's stock {@code supervisorctl}
 * talking to our dispatcher, and Python's marshaller compared with ours. Skipped, with the reason,
 * when {@code /usr/bin/python3} or {@code /usr/bin/supervisorctl} is not installed.
 */
class PythonClientsTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SUPERVISORCTL = Path.of("/usr/bin/supervisorctl");

  private FakeSupervisorApi api;
  private RpcTestServer server;

  @BeforeEach
  void start() throws IOException {
    api = FakeSupervisorApi.standard();
    api.replyWith("getIdentification", () -> CompletableFuture.completedFuture("red\u001b[31m\u0000té"));
    server = new RpcTestServer(api);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return out;
  }

  private String python(String script) throws Exception {
    assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON + ": Python oracle skipped");
    List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "-c", script, server.url()));
    return run(cmd);
  }

  private String supervisorctl(String... args) throws Exception {
    assumeTrue(Files.isExecutable(SUPERVISORCTL), "no " + SUPERVISORCTL + ": supervisorctl oracle skipped");
    List<String> cmd = new ArrayList<>(List.of(SUPERVISORCTL.toString(), "-s", server.url()));
    cmd.addAll(List.of(args));
    return run(cmd);
  }

  @Test
  void pythonXmlrpcClientReadsEverything() throws Exception {
    String out = python("""
        import sys, xmlrpc.client as x
        s = x.ServerProxy(sys.argv[1])
        print(s.supervisor.getVersion())
        print(repr(s.supervisor.getIdentification()))
        print(sorted(s.supervisor.getProcessInfo('cat').keys()))
        print([c['stderr_logfile_maxbytes'] for c in s.supervisor.getAllConfigInfo()])
        print(s.supervisor.startProcess('grp:*'))
        try:
            s.supervisor.getProcessInfo('nosuch')
        except x.Fault as f:
            print(f.faultCode, f.faultString)
        print(s.system.multicall([{'methodName': 'supervisor.getPID'}, {'methodName': 'x'}]))
        print(len([m for m in s.system.listMethods() if m.startswith(('supervisor.', 'system.'))]),
              s.system.methodSignature('supervisor.startProcess'))
        """);
    assertEquals("""
        3.0
        'red\ufffd[31m\ufffdté'
        ['description', 'exitstatus', 'group', 'logfile', 'name', 'now', 'pid', 'spawnerr', 'start', \
        'state', 'statename', 'stderr_logfile', 'stdout_logfile', 'stop']
        [3221225472, 3221225472, 3221225472]
        [{'name': 'ga', 'group': 'grp', 'status': 80, 'description': 'OK'}, \
        {'name': 'gb', 'group': 'grp', 'status': 80, 'description': 'OK'}]
        10 BAD_NAME: nosuch
        [4242, {'faultCode': 1, 'faultString': 'UNKNOWN_METHOD'}]
        41 ['boolean', 'string', 'boolean']
        """, out);
  }

  @Test
  void ourMarshallerMatchesPythonsByteForByte() throws Exception {
    XmlRpcValue value = XmlRpcValue.array(
        Results.processInfo(FakeSupervisorApi.info("grp", "ga")),
        XmlRpcValue.struct().put("k&<>", "\"'\t\r\n☃").put("t", true).put("f", false).put("n", -5).build(),
        XmlRpcValue.array(), XmlRpcValue.struct().build(), XmlRpcValue.of(""));
    String python = python("""
        import sys, xmlrpc.client as x
        info = {'name': 'ga', 'group': 'grp', 'start': 1795486900, 'stop': 0, 'now': 1795486930,
                'state': 20, 'statename': 'RUNNING', 'spawnerr': '', 'exitstatus': 0,
                'logfile': '/var/log/sv/ga.out', 'stdout_logfile': '/var/log/sv/ga.out',
                'stderr_logfile': '/var/log/sv/ga.err', 'pid': 7880,
                'description': 'pid 7880, uptime 0:00:30'}
        other = {'k&<>': '"\\'\\t\\r\\n\u2603', 't': True, 'f': False, 'n': -5}
        sys.stdout.buffer.write(x.dumps(([info, other, [], {}, ''],), methodresponse=True).encode())
        sys.stdout.buffer.write(b'\\0')
        sys.stdout.buffer.write(x.dumps(x.Fault(70, 'NOT_RUNNING: cat')).encode())
        sys.stdout.buffer.write(b'\\0')
        sys.stdout.buffer.write(x.dumps(('cat', 5, True, 2.5), 'supervisor.x').encode())
        """);
    String[] parts = python.split("\0");
    XmlRpcCodec codec = new XmlRpcCodec();
    assertEquals(parts[0], new String(codec.encodeResponse(value), StandardCharsets.UTF_8));
    assertEquals(parts[1], new String(codec.encodeFault(70, "NOT_RUNNING: cat"), StandardCharsets.UTF_8));
    assertEquals(parts[2], new String(codec.encodeCall("supervisor.x", List.of(XmlRpcValue.of("cat"),
        XmlRpcValue.of(5), XmlRpcValue.of(true), new XmlRpcValue.Real(2.5))), StandardCharsets.UTF_8));
  }

  @Test
  void stockSupervisorctlWorksAgainstUs() throws Exception {
    String status = supervisorctl("status");
    assertEquals("""
        cat                              RUNNING   pid 7880, uptime 0:00:30
        grp:ga                           RUNNING   pid 7880, uptime 0:00:30
        grp:gb                           RUNNING   pid 7880, uptime 0:00:30
        """, status);
    assertEquals("cat: started\n", supervisorctl("start", "cat"));
    assertEquals("grp:ga: stopped\ngrp:gb: stopped\n", supervisorctl("stop", "grp:*"));
    assertEquals("4.2.5\n", supervisorctl("version"));
    assertEquals("4242\n", supervisorctl("pid"));
    assertEquals("grp:nosuch: ERROR (no such process)\n", supervisorctl("start", "grp:nosuch"));
    assertEquals("cat: signalled\n", supervisorctl("signal", "HUP", "cat"));
    assertEquals("out:-1600:0\n", supervisorctl("tail", "cat"));
    assertEquals("cat                              in use    auto      999:999\n", supervisorctl("avail").lines()
        .findFirst().orElseThrow() + "\n");
    assertEquals(List.of("getAPIVersion", "getAllProcessInfo"), api.calls().subList(0, 2));
  }
}
