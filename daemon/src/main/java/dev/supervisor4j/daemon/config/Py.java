package dev.supervisor4j.daemon.config;

import java.util.Locale;

/**
 * The few CPython string behaviours Supervisor's messages and parsing depend on: {@code str.isspace},
 * {@code str.strip}, {@code repr()} and {@code ascii()}. Error texts embed {@code %r} of user input, so
 * these must render exactly as Python does or the messages drift from supervisord's.
 */
final class Py {
  private Py() {}

  /** Python's {@code str.isspace()} for one code point (Unicode whitespace, plus \x1c-\x1f). */
  static boolean isSpace(int cp) {
    switch (cp) {
      case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d:
      case 0x1c: case 0x1d: case 0x1e: case 0x1f: case 0x20:
      case 0x85: case 0xa0: case 0x1680:
      case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000:
        return true;
      default:
        return cp >= 0x2000 && cp <= 0x200a;
    }
  }

  /** Python's {@code str.strip()} with no argument. */
  static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /** Python's {@code str.rstrip()} with no argument. */
  static String rstrip(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /** Python's {@code str.lower()}; the root locale keeps it independent of the machine's language. */
  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** Python's {@code repr(str)}. */
  static String repr(String s) {
    return quote(s, false);
  }

  /** Python's {@code ascii(str)}: like repr, but every non-ASCII character is escaped. */
  static String ascii(String s) {
    return quote(s, true);
  }

  private static String quote(String s, boolean asciiOnly) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder(s.length() + 2).append(q);
    s.codePoints().forEach(cp -> {
      if (cp == q || cp == '\\') {
        out.append('\\').appendCodePoint(cp);
      } else if (cp == '\t') {
        out.append("\\t");
      } else if (cp == '\n') {
        out.append("\\n");
      } else if (cp == '\r') {
        out.append("\\r");
      } else if (cp < 0x20 || cp == 0x7f || (cp > 0x7f && (asciiOnly || !isPrintable(cp)))) {
        if (cp <= 0xff) {
          out.append(String.format("\\x%02x", cp));
        } else if (cp <= 0xffff) {
          out.append(String.format("\\u%04x", cp));
        } else {
          out.append(String.format("\\U%08x", cp));
        }
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.append(q).toString();
  }

  /** Python's {@code str.isprintable()} for one code point: not "Other" and not a separator but space. */
  private static boolean isPrintable(int cp) {
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
        return false;
      case Character.SPACE_SEPARATOR:
        return cp == ' ';
      default:
        return true;
    }
  }

  /** Compares strings by code point, as Python's {@code sorted()} does. */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
