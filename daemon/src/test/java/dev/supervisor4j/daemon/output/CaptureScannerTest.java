package dev.supervisor4j.daemon.output;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureScannerTest {
  private static final String BEGIN = "<!--XSUPERVISOR:BEGIN-->";
  private static final String END = "<!--XSUPERVISOR:END-->";

  private final List<String> journal = new ArrayList<>();
  private final RecordingSink normal = new RecordingSink("N", journal);
  private final RecordingSink captured = new RecordingSink("C", journal);
  private final List<String> ends = new ArrayList<>();
  private final CaptureScanner scanner = new CaptureScanner(normal, captured, () -> {
    ends.add(captured.text());
    journal.add("END");
  });

  private void feed(String s, int... cuts) throws IOException {
    byte[] b = s.getBytes(ISO_8859_1);
    int from = 0;
    for (int cut : cuts) {
      scanner.write(b, from, cut - from);
      from = cut;
    }
    scanner.write(b, from, b.length - from);
  }

  @Test
  void withoutTokensEverythingIsNormal() throws IOException {
    feed("hello\nworld\n");
    assertEquals("hello\nworld\n", normal.text());
    assertEquals("", captured.text());
    assertTrue(ends.isEmpty());
  }

  @Test
  void tokensSplitTheStreamAndGoNowhere() throws IOException {
    feed("before" + BEGIN + "captured" + END + "after\n");
    scanner.eof();
    assertEquals("beforeafter\n", normal.text());
    assertEquals("captured", captured.text());
    assertEquals(List.of("captured"), ends);
    assertEquals(List.of("N:before", "C:captured", "END", "N:after\n", "N:EOF", "C:EOF"), journal);
  }

  @Test
  void tokensCutAtAnyPointAreStillFound() throws IOException {
    String stream = "a" + BEGIN + "xy" + END + "b" + BEGIN + END + "c";
    for (int cut = 0; cut <= stream.length(); cut++) {
      CaptureScannerTest t = new CaptureScannerTest();
      t.feed(stream, cut);
      t.scanner.eof();
      assertEquals("abc", t.normal.text(), "cut at " + cut);
      assertEquals("xy", t.captured.text(), "cut at " + cut);
      assertEquals(2, t.ends.size(), "cut at " + cut);
    }
  }

  @Test
  void byteByByteGivesTheSameResult() throws IOException {
    String stream = "<!-- not a token -->" + BEGIN + "<!--XSUPERVISOR:EN" + END + "tail";
    int[] cuts = new int[stream.length() - 1];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = i + 1;
    }
    feed(stream, cuts);
    scanner.eof();
    assertEquals("<!-- not a token -->tail", normal.text());
    assertEquals("<!--XSUPERVISOR:EN", captured.text());
  }

  @Test
  void shortOutputIsNotHeldBack() throws IOException {
    // supervisord holds any buffer no longer than the token; we hold only a real token prefix
    feed("hi\n");
    assertEquals("hi\n", normal.text());
  }

  @Test
  void aTrailingTokenPrefixIsHeldThenFlushedAtEof() throws IOException {
    feed("x<!--XSUP");
    assertEquals("x", normal.text());
    scanner.eof();
    assertEquals("x<!--XSUP", normal.text());
    assertFalse(scanner.capturing());
  }

  @Test
  void leftoversInCaptureModeGoToTheCaptureSideAtEof() throws IOException {
    feed(BEGIN + "partial<!--XSUPERVISOR:E");
    assertTrue(scanner.capturing());
    scanner.eof();
    assertEquals("partial<!--XSUPERVISOR:E", captured.text());
    assertEquals("", normal.text());
    assertTrue(ends.isEmpty());
  }

  @Test
  void captureBufferDropsAsManyBytesAsTheWriteHoldsOnOverflow() {
    CaptureBuffer buf = new CaptureBuffer(10);
    buf.write("12345678".getBytes(ISO_8859_1), 0, 8);
    buf.write("abcde".getBytes(ISO_8859_1), 0, 5); // 13 > 10: drop 5 from the front
    assertEquals("678abcde", new String(buf.drain(), ISO_8859_1));
    assertEquals(0, buf.size());
    buf.write("x".repeat(25).getBytes(ISO_8859_1), 0, 25); // one write bigger than the limit
    assertEquals(25, buf.size());
  }
}
