package dev.supervisor4j.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.pekko.http.javadsl.model.HttpRequest;

/**
 * The request path as supervisord matches it: percent-decoded once, as UTF-8 (bad sequences become
 * U+FFFD, like Python's {@code unquote}), so {@code /logtail/grp%3Aga} names {@code grp:ga} and
 * {@code %2F} becomes a real {@code /}. A {@code +} stays a plus. The query string is not part of it.
 */
final class RequestPaths {
  private RequestPaths() {}

  static String decoded(HttpRequest request) {
    // Pekko's path() keeps percent-escapes for characters that need them (%2F, %25, non-ASCII),
    // so decoding it once here gives exactly one decoding of what the client sent.
    return percentDecode(request.getUri().path());
  }

  static String percentDecode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '%' && isHex(text, i + 1) && isHex(text, i + 2)) {
        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
          bytes = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        out.writeBytes(bytes);
        i++;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(String text, int index) {
    return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
  }
}
