package dev.supervisor4j.http;

/**
 * A listener could not be opened. The message is supervisord's own text for the same failure
 * (for example "Another program is already listening on a port that one of our HTTP servers is
 * configured to use.  Shut this program down first before starting supervisord."), ready for the
 * daemon's usage error, which prints {@code Error: <message>} and exits 2.
 */
public final class HttpBindException extends RuntimeException {
  public HttpBindException(String message, Throwable cause) {
    super(message, cause);
  }
}
