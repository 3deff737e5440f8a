package dev.supervisor4j.http.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.pekko.japi.Pair;
import org.junit.jupiter.api.Test;

/** UTF-8 decoding of log chunks that may end inside a character. */
class TailStreamTest {
  @Test
  void carriesAnIncompleteCharacterToTheNextChunk() {
    byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // 3 bytes
    byte[] first = concat("a".getBytes(StandardCharsets.UTF_8), Arrays.copyOf(euro, 2));
    Pair<byte[], String> one = TailStream.decode(new byte[0], first);
    assertEquals("a", one.second());
    assertArrayEquals(Arrays.copyOf(euro, 2), one.first());
    Pair<byte[], String> two = TailStream.decode(one.first(), concat(Arrays.copyOfRange(euro, 2, 3), "b".getBytes()));
    assertEquals("€b", two.second());
    assertEquals(0, two.first().length);
  }

  @Test
  void completeLengths() {
    assertEquals(0, TailStream.completeLength(new byte[0]));
    assertEquals(1, TailStream.completeLength(new byte[] {'x'}));
    assertEquals(1, TailStream.completeLength(new byte[] {'x', (byte) 0xF0, (byte) 0x9F, (byte) 0x98}));
    assertEquals(5, TailStream.completeLength(new byte[] {'x', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}));
  }

  @Test
  void invalidBytesBecomeReplacementCharacters() {
    assertEquals("a\uFFFDb", TailStream.decode(new byte[0], new byte[] {'a', (byte) 0xFF, 'b'}).second());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
