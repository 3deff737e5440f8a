package dev.supervisor4j.protocol.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expectations printed by Python 3.11's {@code repr()} and {@code ascii()}. */
class PyReprTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "nosuch|'nosuch'",
      "abc|'abc'",
      "it's|\"it's\"",
      "`say \"it's\"`|`'say \"it\\'s\"'`",
      "`both ' and \"`|`'both \\' and \"'`",
      "a\\b|'a\\\\b'",
      "`tab\there`|`'tab\\there'`",
      "é|'é'",
      "té☃|'té☃'",
      "``|''"
  })
  void quotesLikePython(String input, String expected) {
    assertEquals(expected, PyRepr.of(input));
  }

  @Test
  void escapesControlCharacters() {
    assertEquals("'\\x0b\\n\\x7f'", PyRepr.of("\u000b\n\u007f"));
    assertEquals("'\\u200b'", PyRepr.of("\u200b"));
    assertEquals("'a\\nb\\t\\x1b\\\\'", PyRepr.of("a\nb\t\u001b\\"));
    assertEquals("'\\t\\n\\\\'", PyRepr.of("\t\n\\"));
    assertEquals("'\\r'", PyRepr.of("\r"));
  }

  @Test
  void escapesNonPrintableNonAscii() {
    assertEquals("'\\xa0'", PyRepr.of("\u00a0"));
    assertEquals("'\\x01\\x7f\\x80\\xa0é\\u2028'", PyRepr.of("\u0001\u007f\u0080\u00a0é\u2028"));
    assertEquals("'\\x85\\xad'", PyRepr.of("\u0085\u00ad"));
    assertEquals("'\ud83d\ude00'", PyRepr.of("\ud83d\ude00"));
  }

  @Test
  void asciiEscapesEveryNonAsciiCharacter() {
    assertEquals("'\\U0001f600'", PyRepr.ascii("\ud83d\ude00"));
    assertEquals("'\\xe9'", PyRepr.ascii("é"));
    assertEquals("\"it's \\u2603\"", PyRepr.ascii("it's ☃"));
  }

  @Test
  void bytesKeepPrintableAsciiOnly() {
    assertEquals("b\"it's\"", PyRepr.ofBytes("it's".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("b'a\\nb\\x00\\xff\\\\'", PyRepr.ofBytes(new byte[] {'a', '\n', 'b', 0, (byte) 0xff, '\\'}));
    assertEquals("b'\\xc3\\xa9\\t\\r'", PyRepr.ofBytes("é\t\r".getBytes(StandardCharsets.UTF_8)));
    assertEquals("b'bc'", PyRepr.ofBytes(new byte[] {'a', 'b', 'c', 'd'}, 1, 2));
    assertEquals("b''", PyRepr.ofBytes(new byte[0]));
  }

  @Test
  void floatsAsPythonRepr() {
    assertEquals("1e+16", PyRepr.ofFloat(1e16));
    assertEquals("1e-05", PyRepr.ofFloat(1e-5));
    assertEquals("0.0001", PyRepr.ofFloat(1e-4));
    assertEquals("0.1", PyRepr.ofFloat(0.1));
    assertEquals("-0.0", PyRepr.ofFloat(-0.0));
    assertEquals("inf", PyRepr.ofFloat(Double.POSITIVE_INFINITY));
    assertEquals("nan", PyRepr.ofFloat(Double.NaN));
    assertEquals("123456789.123", PyRepr.ofFloat(123456789.123));
    assertEquals("1234567890123456.0", PyRepr.ofFloat(1234567890123456.0));
    assertEquals("1.5e+300", PyRepr.ofFloat(1.5e300));
    assertEquals("100.0", PyRepr.ofFloat(100));
  }
}
