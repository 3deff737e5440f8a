package dev.supervisor4j.ctl.rpc;

import dev.supervisor4j.ctl.compat.PyException;
import dev.supervisor4j.ctl.compat.PyUrl;
import dev.supervisor4j.ctl.http.ChunkedDecoder;
import dev.supervisor4j.ctl.http.Endpoint;
import dev.supervisor4j.ctl.http.HttpConnection;
import dev.supervisor4j.ctl.http.ResponseHead;
import dev.supervisor4j.protocol.Versions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Carries XML-RPC bodies to {@code POST /RPC2} the way Supervisor's {@code SupervisorTransport}
 * does, so a server sees the same requests from either client: {@code Host: localhost} on a unix
 * socket and {@code host[:port]} (no {@code :80}) over TCP, {@code Accept-Encoding: identity},
 * Basic auth only when both username and password are set, a fresh connection per call. Only
 * status 200 is accepted; anything else is a {@link ProtocolError}.
 */
public final class RpcTransport {
  private final Endpoint endpoint;
  private final String hostHeader;
  private final String authorization;

  private RpcTransport(Endpoint endpoint, String hostHeader, String authorization) {
    this.endpoint = endpoint;
    this.hostHeader = hostHeader;
    this.authorization = authorization;
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
      return new RpcTransport(Endpoint.tcp(host, p), p == 80 ? h : h + ":" + p, auth);
    }
    if (serverurl.startsWith("unix://")) {
      // Supervisor names the host "localhost": domain names must stay under 64 characters.
      return new RpcTransport(Endpoint.unix(serverurl.substring(7)), "localhost", auth);
    }
    throw new PyException("ValueError", "Unknown protocol for serverurl " + serverurl);
  }

  /** Sends one call and returns the response body. */
  public byte[] post(byte[] body) throws IOException {
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
