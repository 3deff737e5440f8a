package dev.supervisor4j.daemon.output;

import dev.supervisor4j.protocol.python.PyRepr;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Child output as Supervisor shows it in the main log and in event payloads: the bytes decoded as
 * UTF-8, or {@code Undecodable: b'...'} ({@code repr} of the bytes) when they are not valid UTF-8 (a
 * read can split a character).
 */
public final class OutputText {
  private OutputText() {}

  public static String utf8OrRepr(byte[] buf, int off, int len) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(buf, off, len))
          .toString();
    } catch (CharacterCodingException e) {
      return "Undecodable: " + PyRepr.ofBytes(buf, off, len);
    }
  }

  public static String utf8OrRepr(byte[] data) {
    return utf8OrRepr(data, 0, data.length);
  }
}
