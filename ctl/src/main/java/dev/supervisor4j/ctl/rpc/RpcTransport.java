package dev.supervisor4j.ctl.rpc;

import dev.supervisor4j.ctl.compat.PyException;
import dev.supervisor4j.ctl.compat.PyUrl;
import dev.supervisor4j.ctl.http.ChunkedDecoder;
import dev.supervisor4j.ctl.http.Endpoint;
import dev.supervisor4j.ctl.http.HttpConnection;
import dev.supervisor4j.ctl.http.ResponseHead;
import dev.supervisor4j.protocol.Versions;
import dev.supervisor4j.protocol.xmlrpc.XmlRpcClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Carries XML-RPC bodies to {@code POST /RPC2} the way Supervisor's {@code SupervisorTransport}
 * does, so a server sees the same requests from either client: {@code Host: localhost} on a unix
 * socket and {@code host[:port]} (no {@code :80}) over TCP, {@code Accept-Encoding: identity},
 * Basic auth only when both username and password are set, a fresh connection per call. Only
 * status 200 is accepted; anything else is a {@link ProtocolError}. Socket failures are the
 * {@code PyException}s of {@link Endpoint#translate}. The log streams ({@code GET /logtail},
 * {@code /mainlogtail}) go through {@link LogStream}. The protocol's {@link XmlRpcClient} encodes
 * and decodes; this class only carries bytes.
 */
public final class RpcTransport implements XmlRpcClient.Transport {
  private final Endpoint endpoint;
  private final String hostHeader;
  private final String authorization;
  private final String serverurl;
  private final String username;
  private final String password;

  private RpcTransport(Endpoint endpoint, String hostHeader, String authorization, String serverurl,
      String username, String password) {
    this.endpoint = endpoint;
    this.hostHeader = hostHeader;
    this.authorization = authorization;
    this.serverurl = serverurl;
    this.username = username;
    this.password = password;
  }

  /**
   * @throws PyException ValueError {@code Unknown protocol for serverurl ...} for anything but
   *     {@code http://} and {@code unix://}, as Supervisor raises when building its proxy
   */
  public static RpcTransport forServerUrl(String serverurl, String username, String password) {
    String auth = null;
    if (username != null && password != null) {
      auth = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
    if (serverurl.startsWith("http://")) {
      PyUrl url = PyUrl.split(serverurl);
      Integer port;
      try {
        port = url.port();
      } catch (IllegalArgumentException e) {
        throw new PyException("ValueError", e.getMessage());
      }
      int p = port == null ? 80 : port;
      String host = url.hostname();
      if (host == null) {
        throw new PyException("socket.gaierror", "[Errno -2] Name or service not known", -2, null);
      }
      String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
      return new RpcTransport(Endpoint.tcp(host, p), p == 80 ? h : h + ":" + p, auth, serverurl, username,
          password);
    }
    if (serverurl.startsWith("unix://")) {
      // Supervisor names the host "localhost": domain names must stay under 64 characters.
      return new RpcTransport(Endpoint.unix(serverurl.substring(7)), "localhost", auth, serverurl, username,
          password);
    }
    throw new PyException("ValueError", "Unknown protocol for serverurl " + serverurl);
  }

  /** Sends one call and returns the response body. */
  @Override
  public byte[] post(byte[] body) {
    try {
      return send(body);
    } catch (IOException e) {
      throw Endpoint.translate(e);
    }
  }

  /**
   * Opens {@code path} at once (so a 404 fails the stage with {@link HttpStatusError}); the
   * publisher then streams from a thread of its own.
   */
  @Override
  public CompletionStage<Flow.Publisher<byte[]>> follow(String path) {
    try {
      return CompletableFuture.completedFuture(new LogPublisher(LogStream.open(serverurl, path, username, password)));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private byte[] send(byte[] body) throws IOException {
    StringBuilder head = new StringBuilder(256)
        .append("POST /RPC2 HTTP/1.1\r\n")
        .append("Host: ").append(hostHeader).append("\r\n")
        .append("Accept-Encoding: identity\r\n")
        .append("User-Agent: supervisor4j-supervisorctl/").append(Versions.PRODUCT).append("\r\n")
        .append("Content-Type: text/xml\r\n")
        .append("Accept: text/xml\r\n");
    if (authorization != null) {
      head.append("Authorization: ").append(authorization).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream request = new ByteArrayOutputStream(headBytes.length + body.length);
    request.write(headBytes, 0, headBytes.length);
    request.write(body, 0, body.length);
    try (HttpConnection c = HttpConnection.open(endpoint)) {
      try {
        c.write(request.toByteArray());
        ResponseHead response = ResponseHead.read(c);
        if (response.status() != 200) {
          throw new ProtocolError(response.status(), response.reason());
        }
        if (response.chunked()) {
          return ChunkedDecoder.readAll(c);
        }
        long length = response.contentLength();
        return length >= 0 ? c.readExactly((int) length) : c.readToEnd();
      } catch (IOException e) {
        throw Endpoint.translate(e);
      }
    }
  }
}
