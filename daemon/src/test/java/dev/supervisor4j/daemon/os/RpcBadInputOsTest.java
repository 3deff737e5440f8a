package dev.supervisor4j.daemon.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.testing.DaemonProcess;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken requests against the running daemon, on both listeners: each gets the spec's
 * answer (400 or the right fault, never a 500), auth works as Supervisor's, and the daemon keeps
 * serving.
 */
@Tag("os")
class RpcBadInputOsTest {
  @TempDir Path dir;

  /** "thepassword" as {SHA}. */
  static final String SHA = "{SHA}82ab876d1387bfafe46cc1c8a2ef074eae50cb1d";

  record Reply(int status, String head, String body) {}

  static String call(String method, String params) {
    return "<?xml version='1.0'?>\n<methodCall>\n<methodName>" + method + "</methodName>\n<params>\n" + params
        + "</params>\n</methodCall>\n";
  }

  static String str(String s) {
    return "<param>\n<value><string>" + s + "</string></value>\n</param>\n";
  }

  /** One HTTP/1.1 POST /RPC2 on a fresh connection, raw. */
  static Reply post(SocketChannel ch, byte[] body, String auth) throws Exception {
    try (ch) {
      String head = "POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml\r\nConnection: close\r\n"
          + (auth == null ? "" : "Authorization: Basic " + Base64.getEncoder().encodeToString(
              auth.getBytes(StandardCharsets.UTF_8)) + "\r\n")
          + "Content-Length: " + body.length + "\r\n\r\n";
      ch.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer b = ByteBuffer.wrap(body);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteBuffer buf = ByteBuffer.allocate(65536);
      while (ch.read(buf) > 0) {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
      }
      String text = out.toString(StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String h = text.substring(0, split);
      return new Reply(Integer.parseInt(h.split(" ")[1]), h, text.substring(split + 4));
    }
  }

  @Test
  void badInputGetsTheRightAnswerOnBothListenersAndTheDaemonKeepsServing() throws Exception {
    int port = dev.supervisor4j.daemon.compat.RealSupervisorPorts.free();
    Path sock = dir.resolve("s.sock");
    try (DaemonProcess d = DaemonProcess.start(dir, LifecycleOsTest.header()
        + "[unix_http_server]\nfile=%(here)s/s.sock\nusername=admin\npassword=" + SHA + "\n"
        + "[inet_http_server]\nport=127.0.0.1:" + port + "\nusername=user\npassword=se:cret\n"
        + "[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n"
        + "[program:cat]\ncommand=cat\nstartsecs=0\n")) {
      d.awaitLogContains("success: cat entered RUNNING state", Duration.ofSeconds(20));
      for (boolean unix : new boolean[] {true, false}) {
        String auth = unix ? "admin:thepassword" : "user:se:cret";
        java.util.function.Supplier<SocketChannel> open = () -> {
          try {
            return unix ? SocketChannel.open(UnixDomainSocketAddress.of(sock))
                : SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
        String where = unix ? "unix socket: " : "tcp: ";
        // Auth, as Supervisor's: nothing, a wrong password, a password with ':' and {SHA}.
        assertEquals(401, post(open.get(), call("supervisor.getState", "").getBytes(), null).status(), where);
        Reply wrong = post(open.get(), call("supervisor.getState", "").getBytes(), unix ? "admin:nope" : "user:se");
        assertEquals(401, wrong.status(), where);
        assertTrue(wrong.head().contains("WWW-Authenticate: Basic realm=\"default\""), wrong.head());
        Reply ok = post(open.get(), call("supervisor.getState", "").getBytes(), auth);
        assertEquals(200, ok.status(), where + ok.body());
        assertTrue(ok.body().contains("<name>statename</name>\n<value><string>RUNNING</string>"), ok.body());

        // Bodies that are not XML-RPC: 400.
        for (String bad : new String[] {
            "<?xml version='1.0'?><methodCall><methodName>x</methodName><params>",
            "this is not xml",
            "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<methodCall><methodName>&x;</methodName></methodCall>",
            "<?xml version='1.0'?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><methodCall><methodName>&c;</methodName></methodCall>",
            call("supervisor.getState", "<param>" + "<value><array><data>".repeat(10_000) + "</param>"),
            call("supervisor.getState", str("x".repeat(2 * 1024 * 1024))),
            "<?xml version='1.0'?><methodCall><params/></methodCall>"}) {
          Reply r = post(open.get(), bad.getBytes(StandardCharsets.UTF_8), auth);
          assertEquals(400, r.status(), where + bad.substring(0, Math.min(80, bad.length())));
          assertTrue(!r.body().contains("root:"), "no file content leaked");
        }
        // Well-formed calls that are wrong: faults, with status 200.
        assertFault(post(open.get(), call("supervisor.__init__", "").getBytes(), auth), 1);
        assertFault(post(open.get(), call("supervisor.a.b", "").getBytes(), auth), 1);
        assertFault(post(open.get(), call("nonamespace", "").getBytes(), auth), 1);
        assertFault(post(open.get(), call("supervisor.getState", str("extra")).getBytes(), auth), 2);
        assertFault(post(open.get(), call("supervisor.readLog", str("a") + str("b")).getBytes(), auth), 2);
        assertFault(post(open.get(), call("supervisor.getProcessInfo", str("nosuch")).getBytes(), auth), 10);
        // Names that are empty or not strings, as Supervisor answers them: an empty detail is kept,
        // a group method takes any value as a name that matches no group, None has no detail.
        assertFault(post(open.get(), call("supervisor.getProcessInfo", str("")).getBytes(), auth), 10, "BAD_NAME: ");
        assertFault(post(open.get(), call("supervisor.addProcessGroup", "<param>\n<value><int>1</int></value>\n"
            + "</param>\n").getBytes(), auth), 10, "BAD_NAME: 1");
        assertFault(post(open.get(), call("supervisor.stopProcessGroup", "<param>\n<value><nil/></value>\n"
            + "</param>\n").getBytes(), auth), 10, "BAD_NAME");
        assertFault(post(open.get(), call("supervisor.startProcessGroup", str("cat:*")).getBytes(), auth), 10,
            "BAD_NAME: cat:*");
        assertFault(post(open.get(), call("supervisor.stopProcess", "<param>\n<value><int>1</int></value>\n"
            + "</param>\n").getBytes(), auth), 2, "INCORRECT_PARAMETERS"); // Supervisor: HTTP 500
        Reply nested = post(open.get(), call("system.multicall", "<param>\n<value><array><data>\n"
            + "<value><struct><member><name>methodName</name><value><string>system.multicall</string></value>"
            + "</member></struct></value>\n</data></array></value>\n</param>\n").getBytes(), auth);
        assertEquals(200, nested.status());
        assertTrue(nested.body().contains("INCORRECT_PARAMETERS: Recursive system.multicall forbidden"), nested.body());
        // And the daemon still serves.
        assertEquals(200, post(open.get(), call("supervisor.getState", "").getBytes(), auth).status(), where);
      }
      assertTrue(d.process().isAlive());
    }
  }

  static void assertFault(Reply r, int code) {
    assertEquals(200, r.status(), r.body());
    assertTrue(r.body().contains("<name>faultCode</name>\n<value><int>" + code + "</int></value>"), r.body());
  }

  static void assertFault(Reply r, int code, String faultString) {
    assertFault(r, code);
    assertTrue(r.body().contains("<name>faultString</name>\n<value><string>" + faultString + "</string></value>"),
        r.body());
  }
}
