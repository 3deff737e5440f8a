package dev.supervisor4j.ctl.compat;

import dev.supervisor4j.protocol.python.PyRepr;
import java.util.Locale;

/**
 * The parts of Python's {@code urllib.parse.urlsplit} supervisorctl relies on: {@code -s} is
 * accepted when it has a scheme and a netloc or path, {@code open} checks the scheme, and the
 * clients take host and port from the netloc.
 *
 * @param scheme lower-cased scheme, {@code ""} if none
 * @param netloc the text after {@code //} up to the next {@code /?#}, {@code ""} if none
 * @param path   the rest up to {@code ?} or {@code #}
 */
public record PyUrl(String scheme, String netloc, String path) {

  private static final String SCHEME_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.";

  public static PyUrl split(String url) {
    String scheme = "";
    String rest = url;
    int colon = url.indexOf(':');
    if (colon > 0 && isAsciiLetter(url.charAt(0))) {
      boolean ok = true;
      for (int i = 0; i < colon; i++) {
        if (SCHEME_CHARS.indexOf(url.charAt(i)) < 0) {
          ok = false;
          break;
        }
      }
      if (ok) {
        scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        rest = url.substring(colon + 1);
      }
    }
    String netloc = "";
    if (rest.startsWith("//")) {
      int end = rest.length();
      for (int i = 2; i < rest.length(); i++) {
        char c = rest.charAt(i);
        if (c == '/' || c == '?' || c == '#') {
          end = i;
          break;
        }
      }
      netloc = rest.substring(2, end);
      rest = rest.substring(end);
    }
    int cut = rest.length();
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '?' || c == '#') {
        cut = i;
        break;
      }
    }
    return new PyUrl(scheme, netloc, rest.substring(0, cut));
  }

  /** Supervisor's {@code datatypes.url}: a scheme, and a netloc or a path. */
  public boolean isUrl() {
    return !scheme.isEmpty() && (!netloc.isEmpty() || !path.isEmpty());
  }

  /** {@code .hostname}: user info and port removed, brackets of IPv6 removed, lower case; null if empty. */
  public String hostname() {
    String hostport = hostPort();
    String host;
    if (hostport.startsWith("[")) {
      int close = hostport.indexOf(']');
      host = close < 0 ? hostport.substring(1) : hostport.substring(1, close);
    } else {
      int c = hostport.indexOf(':');
      host = c < 0 ? hostport : hostport.substring(0, c);
    }
    return host.isEmpty() ? null : host.toLowerCase(Locale.ROOT);
  }

  /**
   * {@code .port}: null when absent or empty.
   *
   * @throws IllegalArgumentException with Python's message for a port that is not a number or out of range
   */
  public Integer port() {
    String hostport = hostPort();
    int from = hostport.startsWith("[") ? hostport.indexOf(']') : 0;
    int c = from < 0 ? -1 : hostport.indexOf(':', from);
    if (c < 0) {
      return null;
    }
    String text = hostport.substring(c + 1);
    if (text.isEmpty()) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        throw new IllegalArgumentException("Port could not be cast to integer value as " + PyRepr.of(text));
      }
    }
    long port = text.length() > 9 ? Long.MAX_VALUE : Long.parseLong(text);
    if (port > 65535) {
      throw new IllegalArgumentException("Port out of range 0-65535");
    }
    return (int) port;
  }

  private String hostPort() {
    int at = netloc.lastIndexOf('@');
    return at < 0 ? netloc : netloc.substring(at + 1);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
