package dev.supervisor4j.protocol.python;

/**
 * Python 3's {@code repr()} of a str, of bytes and of a float, and {@code ascii()} of a str.
 * Supervisor formats user input with {@code %r} in its messages (spawn errors, config errors, the
 * {@code 'name' stdout output:} log lines, fault strings), so these must render as CPython does: a
 * str prefers single quotes, switches to double quotes only when that avoids escaping, and keeps
 * printable non-ASCII text; bytes keep printable ASCII only.
 */
public final class PyRepr {
  private PyRepr() {}

  /** {@code repr(s)}. */
  public static String of(String s) {
    return quote(s, false);
  }

  /** {@code ascii(s)}: like {@code repr}, but every non-ASCII character is escaped. */
  public static String ascii(String s) {
    return quote(s, true);
  }

  /** {@code repr(b[off:off+len])}: {@code b'...'}, printable ASCII kept, everything else escaped. */
  public static String ofBytes(byte[] b, int off, int len) {
    boolean hasSingle = false;
    boolean hasDouble = false;
    for (int i = off; i < off + len; i++) {
      hasSingle |= b[i] == '\'';
      hasDouble |= b[i] == '"';
    }
    char q = hasSingle && !hasDouble ? '"' : '\'';
    StringBuilder out = new StringBuilder(len + 3).append('b').append(q);
    for (int i = off; i < off + len; i++) {
      int c = b[i] & 0xff;
      if (c == q || c == '\\') {
        out.append('\\').append((char) c);
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c < 0x20 || c >= 0x7f) {
        hex(out, "\\x", c, 2);
      } else {
        out.append((char) c);
      }
    }
    return out.append(q).toString();
  }

  /** {@code repr(b)}. */
  public static String ofBytes(byte[] b) {
    return ofBytes(b, 0, b.length);
  }

  /**
   * {@code repr(float)}: the shortest round-tripping digits, positional when the decimal exponent is
   * in [-4, 16), else {@code 1e+16} style. Java 17's {@code Double.toString} digits round-trip too,
   * which is what matters to a reader.
   */
  public static String ofFloat(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    String sign = Math.copySign(1.0, d) < 0 ? "-" : "";
    if (Double.isInfinite(d)) {
      return sign + "inf";
    }
    if (d == 0) {
      return sign + "0.0";
    }
    java.math.BigDecimal bd = new java.math.BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = bd.unscaledValue().toString();
    int exp = digits.length() - 1 - bd.scale();
    if (exp >= -4 && exp < 16) {
      String plain = bd.toPlainString();
      return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String e = Integer.toString(Math.abs(exp));
    return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
  }

  private static String quote(String s, boolean asciiOnly) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder(s.length() + 2).append(q);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == q || cp == '\\') {
        out.append('\\').append((char) cp);
      } else if (cp == '\t') {
        out.append("\\t");
      } else if (cp == '\n') {
        out.append("\\n");
      } else if (cp == '\r') {
        out.append("\\r");
      } else if (cp >= 0x20 && cp < 0x7f || cp > 0x7f && !asciiOnly && isPrintable(cp)) {
        out.appendCodePoint(cp);
      } else if (cp < 0x100) {
        hex(out, "\\x", cp, 2);
      } else if (cp < 0x10000) {
        hex(out, "\\u", cp, 4);
      } else {
        hex(out, "\\U", cp, 8);
      }
    }
    return out.append(q).toString();
  }

  /** Python's {@code str.isprintable()} for a non-ASCII code point: not Other (C*) nor Separator (Z*). */
  private static boolean isPrintable(int cp) {
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.SPACE_SEPARATOR:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
        return false;
      default:
        return true;
    }
  }

  private static void hex(StringBuilder out, String prefix, int v, int width) {
    String h = Integer.toHexString(v);
    out.append(prefix);
    for (int i = h.length(); i < width; i++) {
      out.append('0');
    }
    out.append(h);
  }
}
