package dev.supervisor4j.daemon.config;

import java.math.BigInteger;

/**
 * Python's {@code int(text, base)} for bases 10 and 8: surrounding blanks, a sign, single {@code _}
 * between digits, any Unicode decimal digit, and for base 8 an optional {@code 0o} prefix. Supervisor
 * passes most numeric options straight to {@code int()}, so its acceptance rules and its
 * {@code invalid literal for int() with base 10: '...'} text are the config format.
 */
final class PyInt {
  private PyInt() {}

  /** Parses like Python's {@code int(text, base)}; the exception carries Python's message. */
  static BigInteger parse(String text, int base) throws ConfigException {
    BigInteger value = tryParse(text, base);
    if (value == null) {
      String shown = Py.repr(text);
      if (shown.codePointCount(0, shown.length()) > 200) { // CPython formats it with %.200R
        shown = shown.substring(0, shown.offsetByCodePoints(0, 200));
      }
      throw new ConfigException("invalid literal for int() with base " + base + ": " + shown);
    }
    return value;
  }

  /** Python's {@code int(text)}. */
  static BigInteger parse(String text) throws ConfigException {
    return parse(text, 10);
  }

  /** The parsed value, or null when Python would raise. */
  static BigInteger tryParse(String text, int base) {
    String s = Py.strip(text);
    int i = 0;
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    boolean underscoreAllowed = false;
    if (base == 8 && i + 1 < s.length() && s.charAt(i) == '0'
        && (s.charAt(i + 1) == 'o' || s.charAt(i + 1) == 'O')) {
      i += 2;
      underscoreAllowed = true; // "0o_17" is valid: an underscore may follow the prefix
    }
    StringBuilder digits = new StringBuilder();
    boolean lastUnderscore = false;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '_') {
        if (!underscoreAllowed || lastUnderscore) {
          return null;
        }
        lastUnderscore = true;
        continue;
      }
      int d = Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER ? Character.digit(cp, 10) : -1;
      if (d < 0 || d >= base) {
        return null;
      }
      digits.append((char) ('0' + d));
      lastUnderscore = false;
      underscoreAllowed = true;
    }
    if (digits.length() == 0 || lastUnderscore) {
      return null;
    }
    BigInteger value = new BigInteger(digits.toString(), base);
    return negative ? value.negate() : value;
  }

  /**
   * Narrows to an int. Python has no limit; a Java field does, so values beyond it are clamped rather
   * than refused (supervisord would accept them, and no sane setting is that large).
   */
  static int clampInt(BigInteger v) {
    if (v.bitLength() < 32) {
      return v.intValue();
    }
    return v.signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
  }

  /** Narrows to a long, clamping like {@link #clampInt}. */
  static long clampLong(BigInteger v) {
    if (v.bitLength() < 64) {
      return v.longValue();
    }
    return v.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
  }
}
