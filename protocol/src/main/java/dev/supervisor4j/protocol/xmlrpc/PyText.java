package dev.supervisor4j.protocol.xmlrpc;

import dev.supervisor4j.protocol.python.PyRepr;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;

/**
 * Python's {@code str()} and {@code repr()} of decoded XML-RPC values. Supervisor builds some
 * faultStrings from an argument with {@code '%s' % value} ({@code INCORRECT_PARAMETERS: ['x', 1]}),
 * and Python's marshaller writes a {@code <double>} as {@code repr(float)}; both show up on the wire,
 * so we reproduce them rather than Java's {@code toString()}. The str, bytes and float reprs
 * themselves are {@link PyRepr}'s.
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
      out.append(PyRepr.of(s.value()));
    } else if (value instanceof XmlRpcValue.Real r) {
      out.append(PyRepr.ofFloat(r.value()));
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
        out.append(PyRepr.of(e.getKey()));
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
      out.append(PyRepr.ofBytes(b.bytes()));
    } else {
      out.append("None");
    }
  }
}
