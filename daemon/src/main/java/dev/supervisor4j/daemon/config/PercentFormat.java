package dev.supervisor4j.daemon.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/**
 * CPython's {@code str % mapping}, the engine behind every {@code %(name)s} in a supervisord config.
 * Values are {@link String} or {@link Integer} (Python {@code str} and {@code int}). Reimplemented
 * rather than approximated with {@code String.format} because Supervisor's accept/reject decisions
 * and error texts come straight from this operator: {@code %(x)} with no type letter, a bare
 * {@code %s} that prints the whole map, {@code %d} of a string, and so on.
 */
final class PercentFormat {
  private PercentFormat() {}

  /** Python's KeyError: the format names a key the map lacks. */
  static final class MissingName extends Exception {
    private final String name;

    MissingName(String name) {
      super(name, null, false, false);
      this.name = name;
    }

    String name() {
      return name;
    }
  }

  /** Python's ValueError/TypeError from the operator; the message is CPython's. */
  static final class BadFormat extends Exception {
    BadFormat(String message) {
      super(message, null, false, false);
    }
  }

  private static final int END = -1;

  /** Formats {@code format % names}. */
  static String format(String format, Map<String, ?> names) throws MissingName, BadFormat {
    return new Run(format, names).run();
  }

  /** Python's {@code repr()} of a map of str/int values, as a bare {@code %s} prints it. */
  static String dictRepr(Map<String, ?> names, boolean asciiOnly) {
    StringBuilder b = new StringBuilder("{");
    for (Map.Entry<String, ?> e : names.entrySet()) {
      if (b.length() > 1) {
        b.append(", ");
      }
      b.append(asciiOnly ? Py.ascii(e.getKey()) : Py.repr(e.getKey())).append(": ");
      b.append(valueRepr(e.getValue(), asciiOnly));
    }
    return b.append('}').toString();
  }

  private static String valueRepr(Object v, boolean asciiOnly) {
    if (v instanceof String) {
      return asciiOnly ? Py.ascii((String) v) : Py.repr((String) v);
    }
    return String.valueOf(v);
  }

  /** One formatting pass; fields mirror CPython's formatter context. */
  private static final class Run {
    private final int[] fmt;
    private final Map<String, ?> names;
    private final StringBuilder out = new StringBuilder();
    private int pos;
    /** The current argument: the whole map until a {@code (key)} replaces it with a value. */
    private Object arg;
    /** CPython's argidx for a non-tuple argument: -2 unused, -1 used up. */
    private int argIndex = -2;

    Run(String format, Map<String, ?> names) {
      this.fmt = format.codePoints().toArray();
      this.names = names;
      this.arg = names;
    }

    String run() throws MissingName, BadFormat {
      while (pos < fmt.length) {
        int c = fmt[pos++];
        if (c != '%') {
          out.appendCodePoint(c);
        } else if (pos < fmt.length && fmt[pos] == '%') {
          pos++;
          out.append('%');
        } else {
          conversion();
        }
      }
      return out.toString();
    }

    private int next() {
      return pos < fmt.length ? fmt[pos++] : END;
    }

    private Object nextArg() throws BadFormat {
      if (argIndex < -1) {
        argIndex++;
        return arg;
      }
      throw new BadFormat("not enough arguments for format string");
    }

    private void conversion() throws MissingName, BadFormat {
      if (pos < fmt.length && fmt[pos] == '(') {
        readKey();
      }
      Spec spec = new Spec();
      int ch = next();
      for (; ch != END && "-+ #0".indexOf(ch) >= 0; ch = next()) {
        spec.flag((char) ch);
      }
      if (ch == '*') {
        int w = starArg();
        spec.leftJustify |= w < 0;
        spec.width = Math.abs(w);
        ch = next();
      } else if (ch >= '0' && ch <= '9') {
        spec.width = ch - '0';
        for (ch = next(); ch >= '0' && ch <= '9'; ch = next()) {
          spec.width = grow(spec.width, ch, "width too big");
        }
      }
      if (ch == '.') {
        spec.precision = 0;
        ch = next();
        if (ch == '*') {
          spec.precision = Math.max(0, starArg());
          ch = next();
        } else if (ch >= '0' && ch <= '9') {
          spec.precision = ch - '0';
          for (ch = next(); ch >= '0' && ch <= '9'; ch = next()) {
            spec.precision = grow(spec.precision, ch, "precision too big");
          }
        }
      }
      if (ch == 'h' || ch == 'l' || ch == 'L') { // C length modifiers are accepted and ignored
        ch = next();
      }
      if (ch == END) {
        throw new BadFormat("incomplete format");
      }
      out.append(convert(ch, nextArg(), spec));
    }

    private void readKey() throws MissingName, BadFormat {
      int start = ++pos;
      int depth = 1;
      while (depth > 0 && pos < fmt.length) {
        int c = fmt[pos++];
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      }
      if (depth > 0) {
        throw new BadFormat("incomplete format key");
      }
      String key = new String(fmt, start, pos - 1 - start);
      if (!names.containsKey(key)) {
        throw new MissingName(key);
      }
      arg = names.get(key);
      argIndex = -2;
    }

    private int starArg() throws BadFormat {
      Object v = nextArg();
      if (!(v instanceof Integer)) {
        throw new BadFormat("* wants int");
      }
      return (Integer) v;
    }

    private static int grow(int value, int digit, String error) throws BadFormat {
      long next = value * 10L + (digit - '0');
      if (next > Integer.MAX_VALUE) {
        throw new BadFormat(error);
      }
      return (int) next;
    }

    private String convert(int ch, Object v, Spec spec) throws BadFormat {
      switch (ch) {
        case 's': case 'r': case 'a':
          return spec.padText(truncate(text(ch, v), spec.precision));
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
          if (!(v instanceof Integer)) {
            String kind = ch == 'o' || ch == 'x' || ch == 'X' ? "an integer" : "a real number";
            throw new BadFormat("%" + (char) ch + " format: " + kind + " is required, not " + typeName(v));
          }
          return spec.padNumber(integerDigits(ch, (Integer) v, spec), (Integer) v < 0, prefix(ch, spec));
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
          if (!(v instanceof Integer)) {
            throw new BadFormat("must be real number, not " + typeName(v));
          }
          return spec.padNumber(FloatText.format(ch, (Integer) v, spec.precision, spec.alternate),
              (Integer) v < 0, "");
        case 'c':
          return spec.padText(character(v));
        default:
          throw new BadFormat(String.format("unsupported format character '%s' (0x%x) at index %d",
              ch >= 31 && ch <= 126 ? String.valueOf((char) ch) : "?", ch, pos - 1));
      }
    }

    private String text(int ch, Object v) {
      if (ch == 's') {
        return v instanceof Map ? dictRepr(names, false) : String.valueOf(v);
      }
      boolean asciiOnly = ch == 'a';
      return v instanceof Map ? dictRepr(names, asciiOnly) : valueRepr(v, asciiOnly);
    }

    private static String truncate(String s, int precision) {
      if (precision < 0 || s.codePointCount(0, s.length()) <= precision) {
        return s;
      }
      return s.substring(0, s.offsetByCodePoints(0, precision));
    }

    private static String integerDigits(int ch, int value, Spec spec) {
      BigInteger magnitude = BigInteger.valueOf(value).abs();
      String digits = ch == 'o' ? magnitude.toString(8)
          : ch == 'x' ? magnitude.toString(16)
          : ch == 'X' ? magnitude.toString(16).toUpperCase(java.util.Locale.ROOT)
          : magnitude.toString();
      StringBuilder b = new StringBuilder();
      for (int i = digits.length(); i < spec.precision; i++) {
        b.append('0');
      }
      return b.append(digits).toString();
    }

    private static String prefix(int ch, Spec spec) {
      if (!spec.alternate) {
        return "";
      }
      return ch == 'o' ? "0o" : ch == 'x' ? "0x" : ch == 'X' ? "0X" : "";
    }

    private static String character(Object v) throws BadFormat {
      if (v instanceof Integer) {
        int cp = (Integer) v;
        if (cp < 0 || cp > 0x10ffff) {
          throw new BadFormat("%c arg not in range(0x110000)");
        }
        return new String(Character.toChars(cp));
      }
      if (v instanceof String && ((String) v).codePointCount(0, ((String) v).length()) == 1) {
        return (String) v;
      }
      throw new BadFormat("%c requires int or char");
    }

    private static String typeName(Object v) {
      return v instanceof String ? "str" : v instanceof Integer ? "int" : "dict";
    }
  }

  /** Flags, width and precision of one conversion. */
  private static final class Spec {
    boolean leftJustify;
    boolean sign;
    boolean blank;
    boolean alternate;
    boolean zero;
    int width = -1;
    int precision = -1;

    void flag(char c) {
      switch (c) {
        case '-': leftJustify = true; break;
        case '+': sign = true; break;
        case ' ': blank = true; break;
        case '#': alternate = true; break;
        default: zero = true; break;
      }
    }

    String padText(String s) {
      int len = s.codePointCount(0, s.length());
      if (len >= width) {
        return s;
      }
      String fill = " ".repeat(width - len);
      return leftJustify ? s + fill : fill + s;
    }

    String padNumber(String digits, boolean negative, String prefix) {
      String signText = negative ? "-" : sign ? "+" : blank ? " " : "";
      int len = signText.length() + prefix.length() + digits.length();
      if (len >= width) {
        return signText + prefix + digits;
      }
      String fill = (zero && !leftJustify ? "0" : " ").repeat(width - len);
      if (leftJustify) {
        return signText + prefix + digits + fill;
      }
      return zero ? signText + prefix + fill + digits : fill + signText + prefix + digits;
    }
  }

  /** C-style %e/%f/%g of an integer value, rounded half-even on the exact value as CPython does. */
  private static final class FloatText {
    private FloatText() {}

    static String format(int ch, int value, int precision, boolean alternate) {
      BigDecimal v = BigDecimal.valueOf(value).abs();
      int prec = precision < 0 ? 6 : precision;
      boolean upper = Character.isUpperCase(ch);
      String s;
      switch (Character.toLowerCase(ch)) {
        case 'f':
          s = fixed(v, prec, alternate);
          break;
        case 'e':
          s = exponent(v, prec, alternate);
          break;
        default:
          s = general(v, prec == 0 ? 1 : prec, alternate);
          break;
      }
      return upper ? s.toUpperCase(java.util.Locale.ROOT) : s;
    }

    private static String fixed(BigDecimal v, int prec, boolean alternate) {
      String s = v.setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
      return alternate && prec == 0 ? s + "." : s;
    }

    private static String exponent(BigDecimal v, int prec, boolean alternate) {
      int exp = 0;
      BigDecimal mantissa = BigDecimal.ZERO.setScale(prec);
      if (v.signum() != 0) {
        exp = v.precision() - v.scale() - 1;
        mantissa = v.movePointLeft(exp).setScale(prec, RoundingMode.HALF_EVEN);
        if (mantissa.compareTo(BigDecimal.TEN) >= 0) { // 9.99 rounded up to 10.0
          exp++;
          mantissa = v.movePointLeft(exp).setScale(prec, RoundingMode.HALF_EVEN);
        }
      }
      String m = mantissa.toPlainString();
      if (alternate && prec == 0) {
        m += ".";
      }
      String e = String.valueOf(Math.abs(exp));
      return m + (exp < 0 ? "e-" : "e+") + (e.length() < 2 ? "0" + e : e);
    }

    private static String general(BigDecimal v, int prec, boolean alternate) {
      int exp = 0;
      if (v.signum() != 0) {
        BigDecimal rounded = v.round(new java.math.MathContext(prec, RoundingMode.HALF_EVEN));
        exp = rounded.precision() - rounded.scale() - 1;
      }
      String s = exp >= -4 && exp < prec
          ? fixed(v, prec - 1 - exp, alternate)
          : exponent(v, prec - 1, alternate);
      return alternate ? s : stripZeros(s);
    }

    private static String stripZeros(String s) {
      int e = s.indexOf('e');
      String mantissa = e < 0 ? s : s.substring(0, e);
      String tail = e < 0 ? "" : s.substring(e);
      if (mantissa.indexOf('.') >= 0) {
        mantissa = mantissa.replaceAll("0+$", "");
        if (mantissa.endsWith(".")) {
          mantissa = mantissa.substring(0, mantissa.length() - 1);
        }
      }
      return mantissa + tail;
    }
  }
}
