package dev.supervisor4j.daemon.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.compat.RealSupervisorPorts;
import dev.supervisor4j.daemon.testing.DaemonProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
    int port = RealSupervisorPorts.free();
    Path sock = dir.resolve("s.sock");
    try (DaemonProcess d = DaemonProcess.start(dir, LifecycleOsTest.header()
        + "[unix_http_server]\nfile=%(here)s/s.sock\nusername=admin\npassword=" + SHA + "\n"
        + "[inet_http_server]\nport=127.0.0.1:" + port + "\nusername=user\npassword=se:cret\n"
        + "[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n"
        + "[program:cat]\ncommand=cat\nstartsecs=0\n")) {
      d.awaitLogContains("success: cat entered RUNNING state", Duration.ofSeconds(20));
      for (boolean unix : new boolean[] {true, false}) {
        String auth = unix ? "admin:thepassword" : "user:se:cret";
        Supplier<SocketChannel> open = () -> {
          try {
            return unix ? SocketChannel.open(UnixDomainSocketAddress.of(sock))
                : SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        // 2 MiB is no longer too large (issue 13): an argument too many, as Supervisor says
        assertFault(post(open.get(), call("supervisor.getState", str("x".repeat(2 << 20))).getBytes(), auth), 2);
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

  /**
   * Both listeners with auth, one program, and no history: these tests count main-log lines, and
   * the ledger (not under test here) may log its own trouble on a loaded machine.
   */
  static String config(int port) {
    return LifecycleOsTest.header() + "[history]\nenabled=false\n"
        + "[unix_http_server]\nfile=%(here)s/s.sock\nusername=admin\npassword=" + SHA + "\n"
        + "[inet_http_server]\nport=127.0.0.1:" + port + "\nusername=user\npassword=se:cret\n"
        + "[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n"
        + "[program:cat]\ncommand=cat\nstartsecs=0\n";
  }

  static SocketChannel open(boolean unix, Path sock, int port) {
    try {
      return unix ? SocketChannel.open(UnixDomainSocketAddress.of(sock))
          : SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Main-log lines that a client's request caused (the start-up lines are the daemon's own). */
  static List<String> clientLines(String log, int from) {
    List<String> lines = log.lines().collect(Collectors.toList());
    return lines.subList(Math.min(from, lines.size()), lines.size());
  }

  /**
   * Issue 13 §5 and §9: Supervisor takes a 10,000-call multicall and a 9 MB body; beyond our
   * 16 MiB limit a body gets 413 and its connection closes, and nothing of it is read as a request.
   * A garbage request line is answered 400 at once; a log tail is never sniffed as HTML.
   */
  @Test
  void bigBodiesGarbageRequestLinesAndLogTailHeadersOnBothListeners() throws Exception {
    int port = RealSupervisorPorts.free();
    Path sock = dir.resolve("s.sock");
    try (DaemonProcess d = DaemonProcess.start(dir, config(port))) {
      d.awaitLogContains("success: cat entered RUNNING state", Duration.ofSeconds(20));
      int startLines = (int) d.mainLog().lines().count();
      for (boolean unix : new boolean[] {true, false}) {
        String auth = unix ? "admin:thepassword" : "user:se:cret";
        String where = unix ? "unix socket: " : "tcp: ";
        StringBuilder calls = new StringBuilder("<param>\n<value><array><data>\n");
        for (int i = 0; i < 10_000; i++) {
          calls.append("<value><struct><member><name>methodName</name><value><string>supervisor.getState"
              + "</string></value></member><member><name>params</name><value><array><data></data></array>"
              + "</value></member></struct></value>\n");
        }
        Reply multi = post(open(unix, sock, port), call("system.multicall", calls + "</data></array></value>\n</param>\n")
            .getBytes(StandardCharsets.UTF_8), auth);
        assertEquals(200, multi.status(), where + multi.head());
        assertEquals(10_000, multi.body().split("<name>statename</name>", -1).length - 1, where);

        Reply nine = post(open(unix, sock, port), call("supervisor.getProcessInfo", str("x".repeat(9_000_000)))
            .getBytes(StandardCharsets.UTF_8), auth);
        assertFault(nine, 10); // BAD_NAME, as from Supervisor

        // 17 MiB, with a request pipelined behind it that must never run
        byte[] big = (call("supervisor.getProcessInfo", str("x".repeat(17 << 20)))).getBytes(StandardCharsets.UTF_8);
        String smuggled = call("supervisor.stopProcess", str("cat"));
        Reply tooLarge = postTwice(open(unix, sock, port), big, smuggled.getBytes(StandardCharsets.UTF_8), auth);
        assertEquals(413, tooLarge.status(), where + tooLarge.head());
        assertTrue(tooLarge.head().contains("Connection: close"), tooLarge.head());
        Reply after = post(open(unix, sock, port), call("supervisor.getProcessInfo", str("cat")).getBytes(), auth);
        assertEquals(200, after.status(), where + after.body());
        assertTrue(after.body().contains("<string>RUNNING</string>"), "the smuggled stop never ran: " + after.body());

        // A garbage request line: 400 and closed at once, while the client keeps its side open.
        for (String garbage : new String[] {"garbage\r\n", "<?xml version='1.0'?>\r\n"}) {
          try (SocketChannel ch = open(unix, sock, port)) {
            ch.write(ByteBuffer.wrap(garbage.getBytes(StandardCharsets.US_ASCII)));
            String answer = readToEnd(ch);
            assertTrue(answer.startsWith("HTTP/1.1 400 ") || answer.startsWith("HTTP/1.1 501 "), where + answer);
          }
        }

        // /logtail is text, never sniffed.
        try (SocketChannel ch = open(unix, sock, port)) {
          ch.write(ByteBuffer.wrap(("GET /logtail/cat HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
              + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)) + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII)));
          String head = readHead(ch);
          assertTrue(head.startsWith("HTTP/1.1 200 "), where + head);
          assertTrue(head.contains("X-Content-Type-Options: nosniff"), where + head);
        }
      }
      List<String> added = clientLines(d.mainLog(), startLines);
      assertTrue(added.stream().noneMatch(l -> l.contains("Illegal request") || l.contains("Unsupported HTTP method")
          || l.contains(" WARN ") || l.contains(" ERRO ") || l.contains(" CRIT ")), String.join("\n", added));
      assertTrue(d.process().isAlive());
    }
  }

  /**
   * Issue 13 §6: 400 connections that never finish a request (200 per listener: silent, a request
   * line cut short, a head whose body stops, garbage without a line end), held for 10 s (the issue
   * held 30 s; nothing here depends on the length, and it is below every timeout of ours), then
   * dropped, half of them with a reset. Before, each wrote a WARN line before authentication.
   * Meanwhile the daemon keeps answering.
   */
  @Test
  void fourHundredHalfOpenConnectionsAddAtMostAFewLinesToTheMainLog() throws Exception {
    int port = RealSupervisorPorts.free();
    Path sock = dir.resolve("s.sock");
    try (DaemonProcess d = DaemonProcess.start(dir, config(port))) {
      d.awaitLogContains("success: cat entered RUNNING state", Duration.ofSeconds(20));
      int startLines = (int) d.mainLog().lines().count();
      String[] partial = {"", "POST /RPC2 HT", "POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n<?xml",
          "garbage"};
      List<SocketChannel> held = new ArrayList<>();
      try {
        for (int i = 0; i < 400; i++) {
          SocketChannel ch = open(i % 2 == 0, sock, port);
          held.add(ch);
          byte[] bytes = partial[i % partial.length].getBytes(StandardCharsets.US_ASCII);
          if (bytes.length > 0) {
            ch.write(ByteBuffer.wrap(bytes));
          }
        }
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
          Reply ok = post(open(true, sock, port), call("supervisor.getState", "").getBytes(), "admin:thepassword");
          assertEquals(200, ok.status(), "served during the storm");
          Thread.sleep(1_000);
        }
      } finally {
        for (int i = 0; i < held.size(); i++) {
          SocketChannel ch = held.get(i);
          if (i % 4 == 1 && ch.getRemoteAddress() instanceof InetSocketAddress) {
            ch.setOption(StandardSocketOptions.SO_LINGER, 0); // a reset, not a FIN
          }
          ch.close();
        }
      }
      assertEquals(200, post(open(false, sock, port), call("supervisor.getState", "").getBytes(), "user:se:cret")
          .status());
      Thread.sleep(2_000); // let the server notice every close
      List<String> added = clientLines(d.mainLog(), startLines);
      assertTrue(added.size() <= 3, added.size() + " lines:\n" + String.join("\n", added));
      assertTrue(d.process().isAlive());
    }
  }

  /** Two requests written back to back on one connection; the first response, read to the close. */
  static Reply postTwice(SocketChannel ch, byte[] first, byte[] second, String auth) throws Exception {
    try (ch) {
      String authHeader = "Authorization: Basic " + Base64.getEncoder().encodeToString(
          auth.getBytes(StandardCharsets.UTF_8)) + "\r\n";
      for (byte[] body : new byte[][] {first, second}) {
        String head = "POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml\r\n" + authHeader
            + "Content-Length: " + body.length + "\r\n\r\n";
        ch.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
        ByteBuffer b = ByteBuffer.wrap(body);
        while (b.hasRemaining()) {
          ch.write(b);
        }
      }
      String text = readToEnd(ch);
      int split = text.indexOf("\r\n\r\n");
      String h = text.substring(0, split);
      assertEquals(1, text.split("HTTP/1.1 ", -1).length - 1, "one response only: " + text);
      return new Reply(Integer.parseInt(h.split(" ")[1]), h, text.substring(split + 4));
    }
  }

  static String readToEnd(SocketChannel ch) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer buf = ByteBuffer.allocate(65536);
    while (ch.read(buf) > 0) {
      out.write(buf.array(), 0, buf.position());
      buf.clear();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static String readHead(SocketChannel ch) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer one = ByteBuffer.allocate(1);
    while (!out.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      one.clear();
      if (ch.read(one) < 0) {
        break;
      }
      out.write(one.array()[0]);
    }
    return out.toString(StandardCharsets.ISO_8859_1);
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
