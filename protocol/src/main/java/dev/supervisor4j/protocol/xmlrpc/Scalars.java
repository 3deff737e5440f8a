package dev.supervisor4j.protocol.xmlrpc;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** The text of scalar elements ({@code <int>}, {@code <double>}, {@code <base64>}, dates) as values. */
final class Scalars {
  private Scalars() {}

  private static final DateTimeFormatter ISO8601 = DateTimeFormatter.ofPattern("uuuuMMdd'T'HH:mm:ss");

  /** {@code <int>}, {@code <i4>}, {@code <i8>}: Python's {@code int(text)}, as Supervisor's decoder. */
  static XmlRpcValue integer(String text) throws ParseError {
    OptionalLong n = PyNumbers.parseInt(text);
    if (n.isEmpty()) {
      throw new ParseError("bad integer: " + text);
    }
    return new XmlRpcValue.Int(n.getAsLong());
  }

  /** {@code <double>}: Python's {@code float(text)}. */
  static XmlRpcValue real(String text) throws ParseError {
    OptionalDouble d = PyNumbers.parseFloat(text);
    if (d.isEmpty()) {
      throw new ParseError("bad double: " + text);
    }
    return new XmlRpcValue.Real(d.getAsDouble());
  }

  /**
   * {@code <base64>}. Supervisor's request decoder turns the bytes into a UTF-8 string (we replace
   * invalid sequences with U+FFFD where it answers 400); Python's client keeps the bytes.
   */
  static XmlRpcValue base64(String text, boolean asText) throws ParseError {
    byte[] bytes;
    try {
      // The MIME decoder skips line breaks and other non-alphabet characters, as binascii does.
      bytes = Base64.getMimeDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new ParseError("bad base64: " + e.getMessage());
    }
    return asText ? new XmlRpcValue.Str(new String(bytes, StandardCharsets.UTF_8)) : new XmlRpcValue.Base64(bytes);
  }

  /** {@code <dateTime.iso8601>}: {@code 19980717T14:08:55}, or the dashed ISO form. */
  static XmlRpcValue dateTime(String text) throws ParseError {
    String s = text.strip();
    try {
      return new XmlRpcValue.DateTime(LocalDateTime.parse(s, ISO8601));
    } catch (DateTimeParseException e) {
      try {
        return new XmlRpcValue.DateTime(LocalDateTime.parse(s));
      } catch (DateTimeParseException e2) {
        throw new ParseError("bad dateTime.iso8601: " + s);
      }
    }
  }
}
