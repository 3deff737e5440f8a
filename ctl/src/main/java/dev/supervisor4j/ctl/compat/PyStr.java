package dev.supervisor4j.ctl.compat;

import java.util.ArrayList;
import java.util.List;

/**
 * The few Python {@code str} operations whose exact behaviour shows in supervisorctl's output:
 * {@code split()}, {@code strip()}, {@code repr()} and {@code int()}. Written without regular
 * expressions or lambdas, which cost start-up time in a one-shot client.
 */
public final class PyStr {
  private PyStr() {}

  /** Python's {@code str.isspace} for one char (Java's isWhitespace misses the no-break spaces). */
  public static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00a0' || c == '\u2007' || c == '\u202f' || c == '\u0085';
  }

  /** {@code s.strip()}. */
  public static String strip(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && isSpace(s.charAt(b))) {
      b++;
    }
    while (e > b && isSpace(s.charAt(e - 1))) {
      e--;
    }
    return s.substring(b, e);
  }

  /** {@code s.split()}: runs of whitespace separate words; no empty words. */
  public static List<String> split(String s) {
    List<String> words = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && isSpace(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSpace(s.charAt(i))) {
        i++;
      }
      if (i > start) {
        words.add(s.substring(start, i));
      }
    }
    return words;
  }

  /** Python's {@code repr()} of a str: single quotes unless only double quotes avoid escaping. */
  public static String repr(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder b = new StringBuilder(s.length() + 2).append(quote);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == quote || cp == '\\') {
        b.append('\\').append((char) cp);
      } else if (cp == '\n') {
        b.append("\\n");
      } else if (cp == '\r') {
        b.append("\\r");
      } else if (cp == '\t') {
        b.append("\\t");
      } else if (isPrintable(cp)) {
        b.appendCodePoint(cp);
      } else if (cp < 0x100) {
        b.append("\\x").append(hex(cp, 2));
      } else if (cp < 0x10000) {
        b.append("\\u").append(hex(cp, 4));
      } else {
        b.append("\\U").append(hex(cp, 8));
      }
    }
    return b.append(quote).toString();
  }

  private static boolean isPrintable(int cp) {
    if (cp < 0x7f) {
      return cp >= 0x20;
    }
    if (cp == 0x7f) {
      return false;
    }
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }

  private static String hex(int v, int width) {
    String h = Integer.toHexString(v);
    StringBuilder b = new StringBuilder(width);
    for (int i = h.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(h).toString();
  }

  /**
   * Python's {@code int(text)} for base 10: surrounding whitespace, an optional sign, digits with
   * single underscores between them. Returns null where Python raises ValueError. Values beyond a
   * long also count as invalid here; supervisorctl could not send them anyway (XML-RPC ints are
   * 32-bit).
   */
  public static Long parseInt(String text) {
    String s = strip(text);
    int i = 0;
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    if (i >= s.length()) {
      return null;
    }
    long value = 0;
    boolean lastWasDigit = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_') {
        if (!lastWasDigit || i + 1 >= s.length()) {
          return null;
        }
        lastWasDigit = false;
        continue;
      }
      int d = Character.digit(c, 10);
      if (d < 0) {
        return null;
      }
      if (value > (Long.MAX_VALUE - d) / 10) {
        return null;
      }
      value = value * 10 + d;
      lastWasDigit = true;
    }
    return negative ? -value : value;
  }
}
