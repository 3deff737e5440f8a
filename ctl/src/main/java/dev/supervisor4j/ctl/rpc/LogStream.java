package dev.supervisor4j.ctl.rpc;

import dev.supervisor4j.ctl.compat.PyException;
import dev.supervisor4j.ctl.compat.PyUrl;
import dev.supervisor4j.ctl.http.ChunkedDecoder;
import dev.supervisor4j.ctl.http.Endpoint;
import dev.supervisor4j.ctl.http.HttpConnection;
import dev.supervisor4j.ctl.http.ResponseHead;
import dev.supervisor4j.protocol.python.PyRepr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One {@code GET /logtail/...} or {@code /mainlogtail} stream, requested with the bytes
 * supervisorctl's own asyncore client sends (spec §1.5): an empty {@code Host} for unix sockets,
 * {@code Accept-Encoding: chunked}, Basic auth only when the password is non-empty, and an extra
 * CRLF after the head. The body is handed out as it arrives; a chunked body is decoded, one with a
 * Content-Length ends after it, one with neither ends at once (as Supervisor's client does).
 */
public final class LogStream implements AutoCloseable {
  private final HttpConnection connection;
  private final ChunkedDecoder chunks;
  private long remaining;

  private LogStream(HttpConnection connection, ChunkedDecoder chunks, long remaining) {
    this.connection = connection;
    this.chunks = chunks;
    this.remaining = remaining;
  }

  /**
   * Connects, sends the request and reads the response head.
   *
   * @throws HttpStatusError for a status other than 200
   * @throws PyException     when the connection fails
   */
  public static LogStream open(String serverurl, String path, String username, String password) {
    String url = serverurl + path;
    PyUrl parts = PyUrl.split(url);
    String host = parts.netloc();
    Endpoint endpoint;
    if (parts.scheme().equals("unix")) {
      endpoint = Endpoint.unix(serverurl.substring(7));
    } else if (parts.scheme().equals("http")) {
      int colon = host.indexOf(':');
      int port = 80;
      String hostname = host;
      if (colon >= 0) {
        hostname = host.substring(0, colon);
        try {
          port = Integer.parseInt(host.substring(colon + 1));
        } catch (NumberFormatException e) {
          throw new PyException("ValueError", "invalid literal for int() with base 10: "
              + PyRepr.of(host.substring(colon + 1)));
        }
      }
      endpoint = Endpoint.tcp(hostname, port);
    } else {
      throw new PyException("NotImplementedError", "");
    }
    StringBuilder req = new StringBuilder(200)
        .append("GET ").append(path).append(" HTTP/1.1\r\n")
        .append("Host: ").append(host).append("\r\n")
        .append("Accept-Encoding: chunked\r\n")
        .append("Accept: */*\r\n")
        .append("User-agent: Supervisor HTTP Client\r\n");
    if (password != null && !password.isEmpty()) {
      // Supervisor's client formats the username with %s, so a missing one is sent as "None".
      String user = username == null ? "None" : username;
      req.append("Authorization: Basic ")
          .append(Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
          .append("\r\n");
    }
    req.append("\r\n\r\n");
    HttpConnection c = HttpConnection.open(endpoint);
    try {
      c.write(req.toString().getBytes(StandardCharsets.UTF_8));
      ResponseHead head = ResponseHead.read(c);
      if (head.status() != 200) {
        c.close();
        throw new HttpStatusError(url, head.status());
      }
      String te = head.headers().get("transfer-encoding");
      if ("chunked".equals(te)) {
        return new LogStream(c, new ChunkedDecoder(c), 0);
      }
      return new LogStream(c, null, Math.max(0, head.contentLength()));
    } catch (IOException | RuntimeException e) {
      c.close();
      if (e instanceof HttpStatusError) {
        throw (HttpStatusError) e;
      }
      throw Endpoint.translate(e);
    }
  }

  /** The next bytes of the log, or null when the stream is over (or was closed). */
  public byte[] next() throws IOException {
    if (chunks != null) {
      return chunks.next();
    }
    if (remaining <= 0) {
      return null;
    }
    byte[] some = connection.readSome((int) Math.min(remaining, 65536));
    if (some != null) {
      remaining -= some.length;
    }
    return some;
  }

  /** Ends the stream; safe from another thread (it unblocks a pending {@link #next()}). */
  @Override
  public void close() {
    connection.close();
  }
}
