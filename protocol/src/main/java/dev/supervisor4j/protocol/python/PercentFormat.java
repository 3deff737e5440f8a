package dev.supervisor4j.protocol.python;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/**
 * CPython's {@code str % mapping}, the engine behind every {@code %(name)s} in a Supervisor config,
 * and Supervisor's {@code expand()} around it ({@link #expand}). Values are {@link String} or
 * {@link Integer} (Python {@code str} and {@code int}). Reimplemented rather than approximated with
 * {@code String.format} because Supervisor's accept/reject decisions and error texts come straight
 * from this operator: {@code %(x)} with no type letter, a bare {@code %s} that prints the whole map,
 * {@code %d} of a string, and so on. One instance is one formatting pass.
 */
public final class PercentFormat {
  private static final int END = -1;

  private final int[] fmt;
  private final Map<String, ?> names;
  private final StringBuilder out = new StringBuilder();
  private int pos;
  /** The current argument: the whole map until a {@code (key)} replaces it with a value. */
  private Object arg;
  /** CPython's argidx for a non-tuple argument: -2 unused, -1 used up. */
  private int argIndex = -2;
  // The flags, width and precision of the conversion being read.
  private boolean leftJustify;
  private boolean sign;
  private boolean blank;
  private boolean alternate;
  private boolean zero;
  private int width;
  private int precision;

  private PercentFormat(String format, Map<String, ?> names) {
    int[] cps = new int[format.codePointCount(0, format.length())];
    for (int i = 0, k = 0; i < format.length(); k++) {
      cps[k] = format.codePointAt(i);
      i += Character.charCount(cps[k]);
    }
    this.fmt = cps;
    this.names = names;
    this.arg = names;
  }

  /**
   * Formats {@code format % names}.
   *
   * @throws PythonError a {@code KeyError} (see {@link PythonError#key()}) for a name the map lacks,
   *     else the operator's {@code ValueError} or {@code TypeError}
   */
  public static String format(String format, Map<String, ?> names) throws PythonError {
    return new PercentFormat(format, names).run();
  }

  /**
   * Supervisor's {@code expand(s, expansions, name)}: {@code s % expansions}, with a missing name or
   * a bad format turned into its {@code ValueError} texts.
   *
   * @param label how Supervisor names the option in errors: {@code section.option}, or a bare name
   */
  public static String expand(String s, Map<String, ?> expansions, String label) throws PythonError {
    try {
      return format(s, expansions);
    } catch (PythonError e) {
      if (e.key() != null) {
        throw new PythonError("ValueError", "Format string " + PyRepr.of(s) + " for " + PyRepr.of(label)
            + " contains names (" + e.getMessage() + ") which cannot be expanded. Available names: "
            + String.join(", ", PyStr.sorted(expansions.keySet())));
      }
      throw new PythonError("ValueError", "Format string " + PyRepr.of(s) + " for " + PyRepr.of(label)
          + " is badly formatted: " + e.getMessage());
    }
  }

  /** Python's {@code repr()} (or {@code ascii()}) of a map of str/int values, as a bare {@code %s} prints it. */
  static String dictRepr(Map<String, ?> names, boolean asciiOnly) {
    StringBuilder b = new StringBuilder("{");
    for (Map.Entry<String, ?> e : names.entrySet()) {
      if (b.length() > 1) {
        b.append(", ");
      }
      b.append(asciiOnly ? PyRepr.ascii(e.getKey()) : PyRepr.of(e.getKey())).append(": ");
      b.append(valueRepr(e.getValue(), asciiOnly));
    }
    return b.append('}').toString();
  }

  private static String valueRepr(Object v, boolean asciiOnly) {
    if (v instanceof String s) {
      return asciiOnly ? PyRepr.ascii(s) : PyRepr.of(s);
    }
    return String.valueOf(v);
  }

  private String run() throws PythonError {
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

  private Object nextArg() throws PythonError {
    if (argIndex < -1) {
      argIndex++;
      return arg;
    }
    throw typeError("not enough arguments for format string");
  }

  private void conversion() throws PythonError {
    if (pos < fmt.length && fmt[pos] == '(') {
      readKey();
    }
    leftJustify = sign = blank = alternate = zero = false;
    width = -1;
    precision = -1;
    int ch = next();
    for (; ch != END && "-+ #0".indexOf(ch) >= 0; ch = next()) {
      flag(ch);
    }
    if (ch == '*') {
      int w = starArg();
      leftJustify |= w < 0;
      width = Math.abs(w);
      ch = next();
    } else if (ch >= '0' && ch <= '9') {
      width = ch - '0';
      for (ch = next(); ch >= '0' && ch <= '9'; ch = next()) {
        width = grow(width, ch, "width too big");
      }
    }
    if (ch == '.') {
      precision = 0;
      ch = next();
      if (ch == '*') {
        precision = Math.max(0, starArg());
        ch = next();
      } else if (ch >= '0' && ch <= '9') {
        precision = ch - '0';
        for (ch = next(); ch >= '0' && ch <= '9'; ch = next()) {
          precision = grow(precision, ch, "precision too big");
        }
      }
    }
    if (ch == 'h' || ch == 'l' || ch == 'L') { // C length modifiers are accepted and ignored
      ch = next();
    }
    if (ch == END) {
      throw valueError("incomplete format");
    }
    out.append(convert(ch, nextArg()));
  }

  private void flag(int c) {
    switch (c) {
      case '-': leftJustify = true; break;
      case '+': sign = true; break;
      case ' ': blank = true; break;
      case '#': alternate = true; break;
      default: zero = true; break;
    }
  }

  private void readKey() throws PythonError {
    int start = ++pos;
    int depth = 1;
    while (depth > 0 && pos < fmt.length) {
      int c = fmt[pos++];
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    }
    if (depth > 0) {
      throw valueError("incomplete format key");
    }
    String key = new String(fmt, start, pos - 1 - start);
    if (!names.containsKey(key)) {
      throw PythonError.keyError(key);
    }
    arg = names.get(key);
    argIndex = -2;
  }

  private int starArg() throws PythonError {
    Object v = nextArg();
    if (!(v instanceof Integer)) {
      throw typeError("* wants int");
    }
    return (Integer) v;
  }

  private static int grow(int value, int digit, String error) throws PythonError {
    long next = value * 10L + (digit - '0');
    if (next > Integer.MAX_VALUE) {
      throw valueError(error);
    }
    return (int) next;
  }

  private String convert(int ch, Object v) throws PythonError {
    switch (ch) {
      case 's': case 'r': case 'a':
        return padText(truncate(text(ch, v), precision));
      case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        if (!(v instanceof Integer)) {
          String kind = ch == 'o' || ch == 'x' || ch == 'X' ? "an integer" : "a real number";
          throw typeError("%" + (char) ch + " format: " + kind + " is required, not " + typeName(v));
        }
        return padNumber(integerDigits(ch, (Integer) v), (Integer) v < 0, prefix(ch));
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        if (!(v instanceof Integer)) {
          throw typeError("must be real number, not " + typeName(v));
        }
        return padNumber(floatText(ch, (Integer) v), (Integer) v < 0, "");
      case 'c':
        return padText(character(v));
      default:
        throw valueError("unsupported format character '" + (ch >= 31 && ch <= 126 ? (char) ch : '?')
            + "' (0x" + Integer.toHexString(ch) + ") at index " + (pos - 1));
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

  private String integerDigits(int ch, int value) {
    long magnitude = Math.abs((long) value);
    String digits = ch == 'o' ? Long.toOctalString(magnitude)
        : ch == 'x' ? Long.toHexString(magnitude)
        : ch == 'X' ? Long.toHexString(magnitude).toUpperCase(Locale.ROOT)
        : Long.toString(magnitude);
    StringBuilder b = new StringBuilder();
    for (int i = digits.length(); i < precision; i++) {
      b.append('0');
    }
    return b.append(digits).toString();
  }

  private String prefix(int ch) {
    if (!alternate) {
      return "";
    }
    return ch == 'o' ? "0o" : ch == 'x' ? "0x" : ch == 'X' ? "0X" : "";
  }

  private static String character(Object v) throws PythonError {
    if (v instanceof Integer) {
      int cp = (Integer) v;
      if (cp < 0 || cp > 0x10ffff) {
        throw new PythonError("OverflowError", "%c arg not in range(0x110000)");
      }
      return new String(Character.toChars(cp));
    }
    if (v instanceof String s && s.codePointCount(0, s.length()) == 1) {
      return s;
    }
    throw typeError("%c requires int or char");
  }

  private static String typeName(Object v) {
    return v instanceof String ? "str" : v instanceof Integer ? "int" : "dict";
  }

  private String padText(String s) {
    int len = s.codePointCount(0, s.length());
    if (len >= width) {
      return s;
    }
    String fill = " ".repeat(width - len);
    return leftJustify ? s + fill : fill + s;
  }

  private String padNumber(String digits, boolean negative, String prefix) {
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

  /** C-style %e/%f/%g of an integer value, rounded half-even on the exact value as CPython does. */
  private String floatText(int ch, int value) {
    BigDecimal v = BigDecimal.valueOf(value).abs();
    int prec = precision < 0 ? 6 : precision;
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
    return Character.isUpperCase(ch) ? s.toUpperCase(Locale.ROOT) : s;
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
      BigDecimal rounded = v.round(new MathContext(prec, RoundingMode.HALF_EVEN));
      exp = rounded.precision() - rounded.scale() - 1;
    }
    String s = exp >= -4 && exp < prec
        ? fixed(v, prec - 1 - exp, alternate)
        : exponent(v, prec - 1, alternate);
    return alternate ? s : stripZeros(s);
  }

  /** %g without {@code #}: trailing zeros of the fraction and a bare point go. */
  private static String stripZeros(String s) {
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    String tail = e < 0 ? "" : s.substring(e);
    if (mantissa.indexOf('.') >= 0) {
      int end = mantissa.length();
      while (mantissa.charAt(end - 1) == '0') {
        end--;
      }
      if (mantissa.charAt(end - 1) == '.') {
        end--;
      }
      mantissa = mantissa.substring(0, end);
    }
    return mantissa + tail;
  }

  private static PythonError valueError(String message) {
    return new PythonError("ValueError", message);
  }

  private static PythonError typeError(String message) {
    return new PythonError("TypeError", message);
  }
}
