package dev.supervisor4j.http;

import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.ParsingErrorHandler;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.model.ErrorInfo;
import org.apache.pekko.http.scaladsl.model.StatusCode;
import org.apache.pekko.http.scaladsl.settings.ServerSettings;

/**
 * What a connection gets when Pekko cannot parse its request (a garbage request line, a head cut
 * short by the client closing, an unsupported method): supervisord's error page for the status, and
 * Pekko then closes the connection. Named in the server settings ({@code parsing.error-handler});
 * Pekko creates one per connection.
 *
 * <p>Logged at DEBG only, through {@link HttpLogAdapter}: these come before authentication, so at
 * WARN (Pekko's default) any client could write a line to the main log per connection it opens and
 * drops — 400 half-open connections made 400 lines. supervisord logs none of them either.
 */
final class IllegalRequests extends ParsingErrorHandler {
  @Override
  public HttpResponse handle(StatusCode status, ErrorInfo info, LoggingAdapter log, ServerSettings settings) {
    if (log.isDebugEnabled()) {
      log.debug("Illegal request, responding with status '" + status + "': " + info.summary());
    }
    return ErrorPages.of(status);
  }
}
