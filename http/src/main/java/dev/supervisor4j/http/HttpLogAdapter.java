package dev.supervisor4j.http;

import org.apache.pekko.event.LoggingAdapter;

/**
 * Pekko's logging interface over an {@link HttpLog}, for the HTTP server layer of every connection:
 * its lines reach the main log at their own level (WARN stays WARN), and its debug lines — the
 * {@link IllegalRequests} a client can cause at will — appear with {@code loglevel=debug} instead
 * of never (Pekko's own logger stops below WARN in the daemon).
 */
final class HttpLogAdapter implements LoggingAdapter {
  private final HttpLog log;

  HttpLogAdapter(HttpLog log) {
    this.log = log;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }

  @Override
  public boolean isWarningEnabled() {
    return true;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public void notifyError(String message) {
    log.log(HttpLog.Level.ERROR, message);
  }

  @Override
  public void notifyError(Throwable cause, String message) {
    log.log(HttpLog.Level.ERROR, message + ": " + cause);
  }

  @Override
  public void notifyWarning(String message) {
    log.log(HttpLog.Level.WARN, message);
  }

  @Override
  public void notifyInfo(String message) {
    log.log(HttpLog.Level.INFO, message);
  }

  @Override
  public void notifyDebug(String message) {
    log.log(HttpLog.Level.DEBUG, message);
  }
}
