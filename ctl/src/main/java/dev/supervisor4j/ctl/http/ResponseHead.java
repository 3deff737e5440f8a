package dev.supervisor4j.ctl.http;

import dev.supervisor4j.ctl.compat.PyException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A response's status line and headers (names lower-cased; a repeated header keeps the last value).
 *
 * @param status  the status code
 * @param reason  the reason phrase as sent
 * @param headers lower-case name to trimmed value
 */
public record ResponseHead(int status, String reason, Map<String, String> headers) {

  /** Reads the head; an empty or malformed answer fails as Python's http.client does. */
  public static ResponseHead read(HttpConnection c) throws IOException {
    String statusLine = c.readLine();
    if (statusLine == null) {
      throw new PyException("http.client.RemoteDisconnected", "Remote end closed connection without response");
    }
    int sp1 = statusLine.indexOf(' ');
    if (!statusLine.startsWith("HTTP/") || sp1 < 0) {
      throw new PyException("http.client.BadStatusLine", statusLine);
    }
    String rest = statusLine.substring(sp1 + 1);
    int sp2 = rest.indexOf(' ');
    String code = sp2 < 0 ? rest : rest.substring(0, sp2);
    String reason = sp2 < 0 ? "" : rest.substring(sp2 + 1).trim();
    int status;
    try {
      status = Integer.parseInt(code.trim());
    } catch (NumberFormatException e) {
      throw new PyException("http.client.BadStatusLine", statusLine);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    String line;
    while ((line = c.readLine()) != null && !line.isEmpty()) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
    }
    return new ResponseHead(status, reason, headers);
  }

  public boolean chunked() {
    String te = headers.get("transfer-encoding");
    return te != null && te.equalsIgnoreCase("chunked");
  }

  /** The Content-Length, or -1 when absent or unreadable. */
  public long contentLength() {
    String cl = headers.get("content-length");
    if (cl == null) {
      return -1;
    }
    try {
      return Long.parseLong(cl.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
