package dev.supervisor4j.protocol.xmlrpc;

import dev.supervisor4j.protocol.python.PyRepr;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes XML-RPC documents byte for byte as Python's {@code xmlrpc.client.dumps} does, because that
 * is what Supervisor sends and what its clients send: the same declaration, the same newlines after
 * each element, strings always in {@code <string>}, and only {@code &}, {@code <}, {@code >} escaped.
 *
 * <p>Two deliberate differences, both decided in design §6: an integer outside the 32-bit range is
 * written as {@code <i8>} (Python raises OverflowError and Supervisor answers HTTP 500; Python clients
 * read {@code <i8>} fine), and characters XML 1.0 forbids (control characters other than tab, LF and
 * CR, lone surrogates, U+FFFE, U+FFFF) become U+FFFD (Supervisor sends them raw and the client's
 * parser rejects the whole response).
 *
 * <p>Everything is appended to one {@link StringBuilder} and encoded to UTF-8 once: no DOM, no
 * reflection, no intermediate strings per value.
 */
final class XmlRpcWriter {
  private XmlRpcWriter() {}

  static final String DECLARATION = "<?xml version='1.0'?>\n";
  private static final char REPLACEMENT = '\uFFFD';
  private static final DateTimeFormatter ISO8601 = DateTimeFormatter.ofPattern("uuuuMMdd'T'HH:mm:ss");
  private static final Base64.Encoder MIME = Base64.getMimeEncoder(76, new byte[] {'\n'});

  /** A successful {@code methodResponse} carrying one value. */
  static byte[] response(XmlRpcValue value) {
    StringBuilder out = new StringBuilder(256);
    out.append(DECLARATION).append("<methodResponse>\n<params>\n<param>\n");
    value(out, value);
    out.append("</param>\n</params>\n</methodResponse>\n");
    return utf8(out);
  }

  /** A fault {@code methodResponse}; HTTP status stays 200. */
  static byte[] fault(int code, String faultString) {
    StringBuilder out = new StringBuilder(256);
    out.append(DECLARATION).append("<methodResponse>\n<fault>\n");
    value(out, faultStruct(code, faultString));
    out.append("</fault>\n</methodResponse>\n");
    return utf8(out);
  }

  /** A {@code methodCall} as {@code xmlrpc.client.ServerProxy} sends it. */
  static byte[] call(String methodName, List<XmlRpcValue> params) {
    StringBuilder out = new StringBuilder(256);
    // Python writes the name unescaped; escaping it too keeps the document well-formed.
    out.append(DECLARATION).append("<methodCall>\n<methodName>");
    text(out, methodName);
    out.append("</methodName>\n<params>\n");
    for (XmlRpcValue param : params) {
      out.append("<param>\n");
      value(out, param);
      out.append("</param>\n");
    }
    out.append("</params>\n</methodCall>\n");
    return utf8(out);
  }

  /** {@code {faultCode, faultString}}, the struct of fault responses and failed multicall entries. */
  static XmlRpcValue.Struct faultStruct(int code, String faultString) {
    return XmlRpcValue.struct().put("faultCode", code).put("faultString", faultString).build();
  }

  /** One {@code <value>…</value>} plus Python's trailing newline. */
  static void value(StringBuilder out, XmlRpcValue value) {
    if (value instanceof XmlRpcValue.Str s) {
      out.append("<value><string>");
      text(out, s.value());
      out.append("</string></value>\n");
    } else if (value instanceof XmlRpcValue.Int i) {
      long n = i.value();
      boolean fits = n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE;
      out.append(fits ? "<value><int>" : "<value><i8>").append(n);
      out.append(fits ? "</int></value>\n" : "</i8></value>\n");
    } else if (value instanceof XmlRpcValue.Bool b) {
      out.append(b.value() ? "<value><boolean>1</boolean></value>\n" : "<value><boolean>0</boolean></value>\n");
    } else if (value instanceof XmlRpcValue.Struct s) {
      out.append("<value><struct>\n");
      for (Map.Entry<String, XmlRpcValue> member : s.members().entrySet()) {
        out.append("<member>\n<name>");
        text(out, member.getKey());
        out.append("</name>\n");
        value(out, member.getValue());
        out.append("</member>\n");
      }
      out.append("</struct></value>\n");
    } else if (value instanceof XmlRpcValue.Array a) {
      out.append("<value><array><data>\n");
      for (XmlRpcValue element : a.values()) {
        value(out, element);
      }
      out.append("</data></array></value>\n");
    } else if (value instanceof XmlRpcValue.Real r) {
      out.append("<value><double>").append(PyRepr.ofFloat(r.value())).append("</double></value>\n");
    } else if (value instanceof XmlRpcValue.Base64 b) {
      // base64.encodebytes: 76-character lines, each ending in a newline.
      byte[] raw = b.bytes();
      out.append("<value><base64>\n");
      if (raw.length > 0) {
        out.append(new String(MIME.encode(raw), StandardCharsets.US_ASCII)).append('\n');
      }
      out.append("</base64></value>\n");
    } else if (value instanceof XmlRpcValue.DateTime d) {
      out.append("<value><dateTime.iso8601>").append(ISO8601.format(d.value()))
          .append("</dateTime.iso8601></value>\n");
    } else {
      // Python's dump_nil writes no newline after </value>; copied so call bodies match exactly.
      out.append("<value><nil/></value>");
    }
  }

  /**
   * Appends character data: {@code &}, {@code <}, {@code >} escaped as Python does (quotes, tab and
   * CR stay literal), and every character XML 1.0 forbids replaced by U+FFFD. Runs of ordinary
   * characters are copied in one call.
   */
  static void text(StringBuilder out, String s) {
    int n = s.length();
    if (n > 4096) {
      // One long string (a 16 MiB argument echoed in a fault): grow once to about its size rather
      // than by doubling, which would leave up to twice the text in garbage in a 128 MiB heap.
      out.ensureCapacity(out.length() + n + 256);
    }
    int run = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      String replacement;
      if (c >= 0x20 && c < 0xD800 && c != '&' && c != '<' && c != '>') {
        continue;
      } else if (c == '&') {
        replacement = "&amp;";
      } else if (c == '<') {
        replacement = "&lt;";
      } else if (c == '>') {
        replacement = "&gt;";
      } else if (c == '\t' || c == '\n' || c == '\r') {
        continue;
      } else if (c < 0x20) {
        replacement = null;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++; // a valid pair: both halves stay
        continue;
      } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
        replacement = null;
      } else {
        continue;
      }
      out.append(s, run, i);
      if (replacement == null) {
        out.append(REPLACEMENT);
      } else {
        out.append(replacement);
      }
      run = i + 1;
    }
    out.append(s, run, n);
  }

  private static byte[] utf8(StringBuilder out) {
    // Safe: text() left no lone surrogate, so nothing is lost to '?' here.
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
