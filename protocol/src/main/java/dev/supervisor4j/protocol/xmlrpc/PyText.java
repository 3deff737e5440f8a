package dev.supervisor4j.protocol.xmlrpc;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;

/**
 * Python's {@code str()} and {@code repr()} of decoded XML-RPC values. Supervisor builds some
 * faultStrings from an argument with {@code '%s' % value} ({@code INCORRECT_PARAMETERS: ['x', 1]}),
 * and Python's marshaller writes a {@code <double>} as {@code repr(float)}; both show up on the wire,
 * so we reproduce them rather than Java's {@code toString()}.
 */
final class PyText {
  private PyText() {}

  private static final DateTimeFormatter STR_DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  /** {@code str(value)}: strings as they are, everything else as {@link #repr}. */
  static String str(XmlRpcValue value) {
    if (value instanceof XmlRpcValue.Str s) {
      return s.value();
    }
    if (value instanceof XmlRpcValue.DateTime d) {
      // str(datetime) uses a space where isoformat() uses 'T'.
      return STR_DATETIME.format(d.value());
    }
    return repr(value);
  }

  /** {@code repr(value)} of the Python object Supervisor's decoder would have built. */
  static String repr(XmlRpcValue value) {
    StringBuilder out = new StringBuilder();
    repr(out, value);
    return out.toString();
  }

  private static void repr(StringBuilder out, XmlRpcValue value) {
    if (value instanceof XmlRpcValue.Int i) {
      out.append(i.value());
    } else if (value instanceof XmlRpcValue.Bool b) {
      out.append(b.value() ? "True" : "False");
    } else if (value instanceof XmlRpcValue.Str s) {
      quote(out, s.value());
    } else if (value instanceof XmlRpcValue.Real r) {
      out.append(floatRepr(r.value()));
    } else if (value instanceof XmlRpcValue.Array a) {
      out.append('[');
      for (int i = 0; i < a.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        repr(out, a.get(i));
      }
      out.append(']');
    } else if (value instanceof XmlRpcValue.Struct s) {
      out.append('{');
      Iterator<Map.Entry<String, XmlRpcValue>> it = s.members().entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<String, XmlRpcValue> e = it.next();
        quote(out, e.getKey());
        out.append(": ");
        repr(out, e.getValue());
        out.append(it.hasNext() ? ", " : "");
      }
      out.append('}');
    } else if (value instanceof XmlRpcValue.DateTime d) {
      var t = d.value();
      out.append("datetime.datetime(").append(t.getYear()).append(", ").append(t.getMonthValue())
          .append(", ").append(t.getDayOfMonth()).append(", ").append(t.getHour()).append(", ")
          .append(t.getMinute());
      out.append(t.getSecond() == 0 ? "" : ", " + t.getSecond()).append(')');
    } else if (value instanceof XmlRpcValue.Base64 b) {
      out.append("b'");
      for (byte x : b.bytes()) {
        int c = x & 0xff;
        if (c == '\\' || c == '\'') {
          out.append('\\').append((char) c);
        } else if (c >= 0x20 && c < 0x7f) {
          out.append((char) c);
        } else {
          out.append(String.format("\\x%02x", c));
        }
      }
      out.append('\'');
    } else {
      out.append("None");
    }
  }

  /** Python's string repr: single quotes unless the text has ' and no ". */
  private static void quote(StringBuilder out, String s) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    out.append(q);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == q || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append(q);
  }

  /**
   * {@code repr(float)}: the shortest round-tripping digits, positional when the decimal exponent is
   * in [-4, 16), else {@code 1e+16} style. Java 17's {@code Double.toString} digits round-trip too,
   * which is what matters to a reader.
   */
  static String floatRepr(double d) {
    if (java.lang.Double.isNaN(d)) {
      return "nan";
    }
    String sign = Math.copySign(1.0, d) < 0 ? "-" : "";
    if (java.lang.Double.isInfinite(d)) {
      return sign + "inf";
    }
    if (d == 0) {
      return sign + "0.0";
    }
    BigDecimal bd = new BigDecimal(java.lang.Double.toString(Math.abs(d))).stripTrailingZeros();
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
}
