package dev.supervisor4j.http;

import java.util.Map;

/**
 * supervisord's texts for a listener that cannot be opened. It reports socket errors by errno name;
 * Java gives the strerror text instead, so the common ones are mapped back.
 */
final class BindErrors {
  private BindErrors() {}

  /** Two spaces after the first full stop, as supervisord writes it. */
  static final String IN_USE = "Another program is already listening on a port that one of our "
      + "HTTP servers is configured to use.  Shut this program down first before starting "
      + "supervisord.";

  private static final Map<String, String> ERRNO = Map.of(
      "Permission denied", "errno.EACCES (13)",
      "No such file or directory", "errno.ENOENT (2)",
      "Not a directory", "errno.ENOTDIR (20)",
      "Read-only file system", "errno.EROFS (30)",
      "Cannot assign requested address", "errno.EADDRNOTAVAIL (99)",
      "Address family not supported by protocol", "errno.EAFNOSUPPORT (97)");

  static HttpBindException describe(Throwable error) {
    if (error instanceof HttpBindException known) {
      return known;
    }
    for (Throwable e = error; e != null; e = e.getCause()) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("Address already in use")) {
        return new HttpBindException(IN_USE, error);
      }
      for (Map.Entry<String, String> errno : ERRNO.entrySet()) {
        if (message.contains(errno.getKey())) {
          return new HttpBindException(
              "Cannot open an HTTP server: socket.error reported " + errno.getValue(), error);
        }
      }
    }
    return new HttpBindException(
        "Cannot open an HTTP server: socket.error reported " + error.getMessage(), error);
  }
}
