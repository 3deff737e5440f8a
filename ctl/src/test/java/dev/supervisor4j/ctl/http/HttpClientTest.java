package dev.supervisor4j.ctl.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supervisor4j.ctl.compat.PyException;
import dev.supervisor4j.ctl.rpc.HttpStatusError;
import dev.supervisor4j.ctl.rpc.LogStream;
import dev.supervisor4j.ctl.rpc.ProtocolError;
import dev.supervisor4j.ctl.rpc.RpcTransport;
import dev.supervisor4j.ctl.testing.FakeHttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP client on both socket kinds: request bytes as Supervisor's clients send them, and body framing. */
class HttpClientTest {
  @TempDir Path dir;

  @Test
  void postsOverAUnixSocketLikeSupervisorsTransport() throws Exception {
    Path sock = dir.resolve("s.sock");
    try (FakeHttpServer server = FakeHttpServer.unix(sock)) {
      server.reply(200, "OK", "<xml/>");
      RpcTransport t = RpcTransport.forServerUrl("unix://" + sock, "user", "123");
      byte[] body = t.post("<call/>".getBytes(StandardCharsets.UTF_8));
      assertEquals("<xml/>", new String(body, StandardCharsets.UTF_8));
      String request = server.requests().get(0);
      assertEquals("POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: identity\r\n", request.substring(0,
          request.indexOf("User-Agent")));
      assertEquals(true, request.contains("\r\nContent-Type: text/xml\r\nAccept: text/xml\r\n"
          + "Authorization: Basic dXNlcjoxMjM=\r\nContent-Length: 7\r\n\r\n<call/>"), request);
    }
  }

  @Test
  void hostHeaderOverTcpAndNoAuthWithoutAPassword() throws Exception {
    try (FakeHttpServer server = FakeHttpServer.tcp()) {
      server.reply(ch -> FakeHttpServer.write(ch,
          "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n"));
      byte[] body = RpcTransport.forServerUrl("http://127.0.0.1:" + server.port(), "user", null).post(new byte[0]);
      assertEquals("abcde", new String(body, StandardCharsets.UTF_8));
      String request = server.requests().get(0);
      assertEquals(true, request.contains("\r\nHost: 127.0.0.1:" + server.port() + "\r\n"), request);
      assertEquals(false, request.contains("Authorization"), request);
    }
  }

  @Test
  void bodyUntilCloseWithoutLength() throws Exception {
    try (FakeHttpServer server = FakeHttpServer.tcp()) {
      server.reply(ch -> FakeHttpServer.write(ch, "HTTP/1.0 200 OK\r\n\r\nall of it"));
      assertArrayEquals("all of it".getBytes(StandardCharsets.UTF_8),
          RpcTransport.forServerUrl("http://localhost:" + server.port(), null, null).post(new byte[0]));
    }
  }

  @Test
  void statusOtherThan200IsAProtocolError() throws Exception {
    try (FakeHttpServer server = FakeHttpServer.tcp()) {
      server.reply(401, "Unauthorized", "");
      ProtocolError e = assertThrows(ProtocolError.class,
          () -> RpcTransport.forServerUrl("http://127.0.0.1:" + server.port(), null, null).post(new byte[0]));
      assertEquals(401, e.status());
      assertEquals("<ProtocolError for 127.0.0.1/RPC2: 401 Unauthorized>", e.getMessage());
    }
  }

  @Test
  void connectFailuresCarryPythonsErrno() throws Exception {
    PyException missing = assertThrows(PyException.class,
        () -> RpcTransport.forServerUrl("unix://" + dir.resolve("none.sock"), null, null).post(new byte[0]));
    assertEquals(PyException.ENOENT, missing.errno());
    assertEquals("FileNotFoundError", missing.pyClass());
    int port;
    try (ServerSocketChannel s = ServerSocketChannel.open()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      port = ((InetSocketAddress) s.getLocalAddress()).getPort();
    }
    PyException refused = assertThrows(PyException.class,
        () -> RpcTransport.forServerUrl("http://127.0.0.1:" + port, null, null).post(new byte[0]));
    assertEquals(PyException.ECONNREFUSED, refused.errno());
    assertEquals("[Errno 111] Connection refused", refused.getMessage());
    assertEquals("Unknown protocol for serverurl foo:bar",
        assertThrows(PyException.class, () -> RpcTransport.forServerUrl("foo:bar", null, null)).getMessage());
  }

  @Test
  void logStreamSendsSupervisorsBytesAndDecodesChunksAsTheyCome() throws Exception {
    Path sock = dir.resolve("t.sock");
    try (FakeHttpServer server = FakeHttpServer.unix(sock)) {
      server.reply(ch -> {
        FakeHttpServer.write(ch, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello\n\r\n");
        Thread.sleep(200);
        FakeHttpServer.write(ch, "7\r\nworld!\n\r\n");
      });
      try (LogStream s = LogStream.open("unix://" + sock, "/logtail/grp:a/stdout", null, "pw")) {
        assertEquals("hello\n", new String(s.next(), StandardCharsets.UTF_8));
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        byte[] piece;
        while ((piece = s.next()) != null) {
          rest.write(piece);
        }
        assertEquals("world!\n", rest.toString(StandardCharsets.UTF_8));
      }
      assertEquals("GET /logtail/grp:a/stdout HTTP/1.1\r\nHost: \r\nAccept-Encoding: chunked\r\nAccept: */*\r\n"
          + "User-agent: Supervisor HTTP Client\r\nAuthorization: Basic Tm9uZTpwdw==\r\n\r\n\r\n",
          server.requests().get(0));
    }
  }

  @Test
  void logStreamNon200() throws Exception {
    try (FakeHttpServer server = FakeHttpServer.tcp()) {
      server.reply(404, "Not Found", "");
      String url = "http://127.0.0.1:" + server.port();
      HttpStatusError e = assertThrows(HttpStatusError.class, () -> LogStream.open(url, "/mainlogtail", null, null));
      assertEquals(url + "/mainlogtail", e.url());
      assertEquals("Cannot read, status code 404", e.getMessage());
    }
  }

  @Test
  void chunkSizeLines() throws Exception {
    assertEquals(0x1a, ChunkedDecoder.parseSize("1a"));
    assertEquals(0x2a0, ChunkedDecoder.parseSize("2A0 ; ext"));
    assertThrows(java.io.IOException.class, () -> ChunkedDecoder.parseSize("zz"));
  }

  @Test
  void contentLengthStreamEnds() throws Exception {
    try (FakeHttpServer server = FakeHttpServer.tcp()) {
      server.reply(200, "OK", "abc");
      try (LogStream s = LogStream.open("http://127.0.0.1:" + server.port(), "/logtail/x", null, null)) {
        assertEquals("abc", new String(s.next(), StandardCharsets.UTF_8));
        assertNull(s.next());
      }
    }
  }
}
