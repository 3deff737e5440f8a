package dev.supervisor4j.protocol.xmlrpc;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Python's {@code int(text)} and {@code float(text)} for decimal text. Supervisor applies them to
 * {@code <int>}/{@code <double>} elements and to string arguments of methods that take integers
 * ({@code readLog("0", "10")} works), so what they accept is part of the wire contract: surrounding
 * whitespace, a sign, and single underscores between digits. Integers that do not fit a
 * {@code long} are refused (Python has no such limit; nothing in Supervisor needs one that large).
 */
final class PyNumbers {
  private PyNumbers() {}

  private static final Pattern FLOAT = Pattern.compile(
      "[+-]?(?:\\d(?:_?\\d)*(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:[eE][+-]?\\d(?:_?\\d)*)?");
  private static final Pattern SPECIAL_FLOAT = Pattern.compile("(?i)[+-]?(?:inf|infinity|nan)");

  /** {@code int(text)} in base 10, or empty when Python would raise ValueError (or it overflows). */
  static OptionalLong parseInt(String text) {
    String s = text.strip();
    int i = 0;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    if (i == s.length()) {
      return OptionalLong.empty();
    }
    long value = 0; // accumulated negatively so that Long.MIN_VALUE parses
    boolean lastWasDigit = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_') {
        if (!lastWasDigit) {
          return OptionalLong.empty();
        }
        lastWasDigit = false;
        continue;
      }
      int digit = Character.digit(c, 10); // Python also accepts non-ASCII decimal digits
      if (digit < 0 || value < (Long.MIN_VALUE + digit) / 10) {
        return OptionalLong.empty();
      }
      value = value * 10 - digit;
      lastWasDigit = true;
    }
    if (!lastWasDigit || (!negative && value == Long.MIN_VALUE)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(negative ? value : -value);
  }

  /** {@code float(text)} for decimal text, {@code inf}, {@code infinity}, {@code nan}; else empty. */
  static OptionalDouble parseFloat(String text) {
    String s = text.strip();
    if (SPECIAL_FLOAT.matcher(s).matches()) {
      boolean negative = s.charAt(0) == '-';
      if (s.toLowerCase(java.util.Locale.ROOT).contains("nan")) {
        return OptionalDouble.of(java.lang.Double.NaN);
      }
      return OptionalDouble.of(negative ? java.lang.Double.NEGATIVE_INFINITY : java.lang.Double.POSITIVE_INFINITY);
    }
    if (!FLOAT.matcher(s).matches()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(java.lang.Double.parseDouble(s.replace("_", "")));
  }
}
