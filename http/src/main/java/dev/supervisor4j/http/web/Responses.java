package dev.supervisor4j.http.web;

import java.util.List;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;

/** Responses with the console's headers: never cached, and pages locked to our own scripts. */
final class Responses {
  private Responses() {}

  static final ContentType JSON = ContentTypes.APPLICATION_JSON;

  /**
   * Only our own scripts, styles and connections run (a stray {@code <script>} in a log could not,
   * even if it ever reached the DOM as markup), and no other site may frame the page to trick clicks.
   */
  private static final List<HttpHeader> PAGE_HEADERS = List.of(
      RawHeader.create("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
          + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"),
      RawHeader.create("X-Frame-Options", "DENY"),
      RawHeader.create("Referrer-Policy", "same-origin"));

  private static final List<HttpHeader> COMMON = List.of(
      RawHeader.create("Cache-Control", "no-cache"),
      RawHeader.create("X-Content-Type-Options", "nosniff"));

  static HttpResponse page(String html) {
    return HttpResponse.create()
        .withEntity(HttpEntities.create(ContentTypes.TEXT_HTML_UTF8, html))
        .addHeaders(COMMON)
        .addHeaders(PAGE_HEADERS);
  }

  static HttpResponse json(StatusCode status, String json) {
    return HttpResponse.create().withStatus(status)
        .withEntity(HttpEntities.create(JSON, json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .addHeaders(COMMON);
  }

  static HttpResponse bytes(ContentType type, byte[] body) {
    return HttpResponse.create().withEntity(HttpEntities.create(type, body)).addHeaders(COMMON);
  }
}
