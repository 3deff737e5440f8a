package dev.supervisor4j.daemon.output;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Python's {@code repr()} of a str and of bytes, for the few main-log lines and event payloads that
 * show one ({@code 'name' stdout output:}, {@code Undecodable: b'...'}).
 */
public final class PyRepr {
  private PyRepr() {}

  /**
   * Child output as Supervisor shows it in the main log and in event payloads: the bytes decoded
   * as UTF-8, or {@code Undecodable: b'...'} when they are not valid UTF-8 (a read can split a
   * character).
   */
  public static String utf8OrRepr(byte[] buf, int off, int len) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(buf, off, len))
          .toString();
    } catch (CharacterCodingException e) {
      return "Undecodable: " + bytes(buf, off, len);
    }
  }

  public static String utf8OrRepr(byte[] data) {
    return utf8OrRepr(data, 0, data.length);
  }

  /** {@code repr(str)}: single quotes unless the text has a {@code '} and no {@code "}. */
  static String str(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
    s.codePoints().forEach(cp -> {
      if (cp == quote || cp == '\\') {
        sb.append('\\').appendCodePoint(cp);
      } else if (cp == '\n') {
        sb.append("\\n");
      } else if (cp == '\r') {
        sb.append("\\r");
      } else if (cp == '\t') {
        sb.append("\\t");
      } else if (cp < 0x20 || cp == 0x7f) {
        sb.append(String.format("\\x%02x", cp));
      } else {
        sb.appendCodePoint(cp);
      }
    });
    return sb.append(quote).toString();
  }

  /** {@code repr(bytes)}: {@code b'...'} with printable ASCII kept and everything else escaped. */
  static String bytes(byte[] b, int off, int len) {
    boolean hasSingle = false;
    boolean hasDouble = false;
    for (int i = off; i < off + len; i++) {
      hasSingle |= b[i] == '\'';
      hasDouble |= b[i] == '"';
    }
    char quote = hasSingle && !hasDouble ? '"' : '\'';
    StringBuilder sb = new StringBuilder(len + 3).append('b').append(quote);
    for (int i = off; i < off + len; i++) {
      int c = b[i] & 0xff;
      if (c == quote || c == '\\') {
        sb.append('\\').append((char) c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x20 || c >= 0x7f) {
        sb.append(String.format("\\x%02x", c));
      } else {
        sb.append((char) c);
      }
    }
    return sb.append(quote).toString();
  }
}
