package dev.supervisor4j.protocol.python;

import java.math.BigInteger;

/**
 * Python's {@code int(text, base)} for bases 10 and 8: surrounding blanks, a sign, single {@code _}
 * between digits, any Unicode decimal digit, and for base 8 an optional {@code 0o} prefix. Supervisor
 * passes most numeric options straight to {@code int()}, so its acceptance rules and its
 * {@code invalid literal for int() with base 10: '...'} text are the config format.
 */
public final class PyInt {
  private PyInt() {}

  /** Parses like Python's {@code int(text, base)}; the {@code ValueError} carries Python's message. */
  public static BigInteger parse(String text, int base) throws PythonError {
    BigInteger value = tryParse(text, base);
    if (value == null) {
      String shown = PyRepr.of(text);
      if (shown.codePointCount(0, shown.length()) > 200) { // CPython formats it with %.200R
        shown = shown.substring(0, shown.offsetByCodePoints(0, 200));
      }
      throw new PythonError("ValueError", "invalid literal for int() with base " + base + ": " + shown);
    }
    return value;
  }

  /**
   * Python's {@code int(text)} where only a {@code long} can be used: null where Python raises, and
   * also for values beyond a long (supervisorctl could not send them: XML-RPC ints are 32-bit).
   */
  public static Long tryParseLong(String text) {
    BigInteger v = tryParse(text, 10);
    return v == null || v.bitLength() >= 64 ? null : v.longValue();
  }

  /** The parsed value, or null when Python would raise. */
  public static BigInteger tryParse(String text, int base) {
    String s = PyStr.strip(text);
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
}
