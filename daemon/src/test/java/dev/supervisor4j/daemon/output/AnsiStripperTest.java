package dev.supervisor4j.daemon.output;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnsiStripperTest {
  private static final String E = "\u001b";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("plain text\n", "plain text\n"),
        Arguments.of(E + "[31mred" + E + "[0m\n", "red\n"),
        Arguments.of("a" + E + "[1;32mb", "ab"),
        Arguments.of("a" + E + "b", "a" + E + "b"), // a lone ESC stays
        Arguments.of(E + E + "[Kx", E + "x"),
        Arguments.of(E + "[2xyzm!", "!"), // x, y, z are not terminators
        Arguments.of(E + "[[[m.", "."),
        Arguments.of("ab" + E + "[12", "ab"), // unterminated: dropped
        Arguments.of("ab" + E, "ab" + E), // ESC at the very end is written at EOF
        Arguments.of(E + "[H" + E + "[f" + E + "[A" + E + "[B" + E + "[C" + E + "[D" + E + "[R"
            + E + "[s" + E + "[u" + E + "[J" + E + "[K" + E + "[h" + E + "[l" + E + "[p" + E
            + "[m|", "|"),
        Arguments.of("x" + E + "[1m" + E + "[4my" + E + "[0mz" + E + "[?25l", "xyz"));
  }

  private static String strip(byte[] input, int... cuts) throws IOException {
    RecordingSink out = new RecordingSink();
    AnsiStripper s = new AnsiStripper(out);
    int from = 0;
    for (int cut : cuts) {
      s.write(input, from, cut - from);
      from = cut;
    }
    s.write(input, from, input.length - from);
    s.eof();
    assertEquals(1, out.eofs());
    return out.text();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void stripsInOneChunk(String in, String expected) throws IOException {
    assertEquals(expected, strip(in.getBytes(ISO_8859_1)));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void stripsTheSameAcrossEveryChunkBoundary(String in, String expected) throws IOException {
    byte[] b = in.getBytes(ISO_8859_1);
    for (int cut = 0; cut <= b.length; cut++) {
      assertEquals(expected, strip(b, cut), "cut at " + cut);
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void stripsTheSameByteByByte(String in, String expected) throws IOException {
    byte[] b = in.getBytes(ISO_8859_1);
    int[] cuts = new int[Math.max(0, b.length - 1)];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = i + 1;
    }
    assertEquals(expected, strip(b, cuts));
  }

  @Test
  void aChunkWithoutEscapesIsOneWriteOfTheSameBytes() throws IOException {
    RecordingSink out = new RecordingSink();
    AnsiStripper s = new AnsiStripper(out);
    byte[] b = "hello\n".getBytes(ISO_8859_1);
    s.write(b, 0, b.length);
    assertEquals(1, out.writes());
  }

  @Test
  void aChunkWithManyEscapesIsStillOneWrite() throws IOException {
    RecordingSink out = new RecordingSink();
    AnsiStripper s = new AnsiStripper(out);
    byte[] b = (E + "[1ma" + E + "[0mb" + E + "[1mc" + E + "[0m\n").getBytes(ISO_8859_1);
    s.write(b, 0, b.length);
    assertEquals(1, out.writes());
    assertEquals("abc\n", out.text());
  }
}
