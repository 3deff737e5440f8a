package dev.supervisor4j.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Connection;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;

/**
 * supervisord's one error page: a fixed HTML template with CRLF line endings and
 * {@code Content-Type: text/html} (no charset), for every error status it sends. The reason in the
 * body is the classic RFC 2068 phrase, so a 401 body is exactly 137 bytes as from supervisord.
 */
final class ErrorPages {
  private ErrorPages() {}

  static final ContentType TEXT_HTML = MediaTypes.TEXT_HTML.toContentTypeWithMissingCharset();

  /** RFC 2068 phrases where they differ from, or may not be in, Pekko's table. */
  private static final Map<Integer, String> CLASSIC = Map.ofEntries(
      Map.entry(301, "Moved Permanently"),
      Map.entry(302, "Moved Temporarily"),
      Map.entry(400, "Bad Request"),
      Map.entry(401, "Unauthorized"),
      Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"),
      Map.entry(405, "Method Not Allowed"),
      Map.entry(408, "Request Time-out"),
      Map.entry(411, "Length Required"),
      Map.entry(413, "Request Entity Too Large"),
      Map.entry(414, "Request-URI Too Large"),
      Map.entry(500, "Internal Server Error"),
      Map.entry(501, "Not Implemented"),
      Map.entry(503, "Service Unavailable"));

  static HttpResponse of(StatusCode status) {
    return HttpResponse.create().withStatus(status).withEntity(HttpEntities.create(TEXT_HTML, body(status)));
  }

  /**
   * The 401 supervisord sends: challenge for realm "default", and {@code Connection: close}, so the
   * connection ends after it (any request body is left unread).
   */
  static HttpResponse unauthorized() {
    return of(StatusCodes.UNAUTHORIZED)
        .addHeader(Connection.create("close"))
        .addHeader(RawHeader.create("WWW-Authenticate", "Basic realm=\"default\""));
  }

  /** Keeps a response's status and headers, with the template as its body. */
  static HttpResponse restyle(HttpResponse response) {
    return response.withEntity(HttpEntities.create(TEXT_HTML, body(response.status())));
  }

  static byte[] body(StatusCode status) {
    int code = status.intValue();
    String reason = CLASSIC.getOrDefault(code, status.reason());
    String html = "<head>\r\n"
        + "<title>Error response</title>\r\n"
        + "</head>\r\n"
        + "<body>\r\n"
        + "<h1>Error response</h1>\r\n"
        + "<p>Error code " + code + ".\r\n"
        + "<p>Message: " + reason + ".\r\n"
        + "</body>\r\n";
    return html.getBytes(StandardCharsets.US_ASCII);
  }
}
