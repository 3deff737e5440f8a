package dev.supervisor4j.protocol.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Python's {@code str} operations whose exact results show in Supervisor's parsing and output:
 * {@code isspace}, {@code strip}, {@code rstrip}, {@code split()}, {@code lower} and the code-point
 * order of {@code sorted()}. Java's {@code trim} and {@code isWhitespace} differ (no-break spaces,
 * {@code \x1c}-{@code \x1f}, {@code \x85}).
 */
public final class PyStr {
  private PyStr() {}

  /** Python's {@code str.isspace()} for one code point (Unicode whitespace, plus \x1c-\x1f). */
  public static boolean isSpace(int cp) {
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

  /** {@code s.strip()}. */
  public static String strip(String s) {
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

  /** {@code s.rstrip()}. */
  public static String rstrip(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
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

  /** {@code s.lower()}; the root locale keeps it independent of the machine's language. */
  public static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** Compares strings by code point, as Python's {@code sorted()} does (Java's compareTo uses UTF-16 units). */
  public static int compareCodePoints(String a, String b) {
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

  /** {@code sorted(names)}, without a Comparator object (no lambda on supervisorctl's start). */
  public static List<String> sorted(Iterable<String> names) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      int at = out.size();
      while (at > 0 && compareCodePoints(out.get(at - 1), name) > 0) {
        at--;
      }
      out.add(at, name);
    }
    return out;
  }
}
