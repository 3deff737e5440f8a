package dev.supervisor4j.daemon.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expectations printed by Python 3.11's {@code repr()}. */
class PyReprTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "nosuch|'nosuch'",
      "it's|\"it's\"",
      "`say \"it's\"`|`'say \"it\\'s\"'`",
      "a\\b|'a\\\\b'",
      "`tab\there`|`'tab\\there'`",
      "é|'é'",
      "``|''"
  })
  void quotesLikePython(String input, String expected) {
    assertEquals(expected, PyRepr.of(input));
  }

  @org.junit.jupiter.api.Test
  void escapesControlCharacters() {
    assertEquals("'\\x0b\\n\\x7f'", PyRepr.of("\u000b\n\u007f"));
    assertEquals("'\\u200b'", PyRepr.of("\u200b"));
  }
}
