package dev.supervisor4j.daemon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code environment=} lexer, row by row from the spec's table (results from Supervisor 4.2.5). */
class KeyValuePairsTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      A=1,B=2                      | A=1;B=2
      A=1, B=2                     | A=1;B=2
      A=1;B=2                      | A=1;B=2
      A=1,                         | A=1
      A="x,y",B='z'                | A=x,y;B=z
      A="a b"                      | A=a b
      A="http://h:80/p?q=1&r"      | A=http://h:80/p?q=1&r
      A=""                         | A=
      A=/opt/app/bin:/bin          | A=/opt/app/bin:/bin
      A=é                          | A=é
      A=café                       | A=caf
      A=a b                        | A=a
      A=~/x                        | A=~
      A=$HOME                      | A=$
      A=1,A=2                      | A=2
      A=-5,B=+3                    | A=-5;B=+3
      A='"x"'                      | A=x
      "A"=1                        | "A"=1
      A=1	B                        | A=1
      ``                           | ``
      """)
  void parsesLikeSupervisor(String input, String expected) throws ConfigException {
    Map<String, String> want = new LinkedHashMap<>();
    if (!expected.isEmpty()) {
      for (String pair : expected.split(";")) {
        String[] kv = pair.split("=", 2);
        want.put(kv[0], kv[1]);
      }
    }
    assertEquals(want, KeyValuePairs.parse(input));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"A=x=y", "A=foo@bar", "A=a*b", "A=1 B=2", "A=1,,B=2", "A", "A=", "A=#x",
      "A=café,B=1", "A=a\"b c\",B=1", "A=1,B", "A=(x),B=[y]"})
  void rejectsLikeSupervisor(String input) {
    assertEquals("Unexpected end of key/value pairs in value '" + input + "'",
        assertThrows(ConfigException.class, () -> KeyValuePairs.parse(input)).getMessage());
  }

  @Test
  void commentsAndNewlines() throws ConfigException {
    // A # inside a word skips the rest of the line but the word goes on: "ab" + "d".
    assertEquals(Map.of("A", "abd", "B", "1"), KeyValuePairs.parse("A=ab#c\nd,B=1"));
    assertEquals(Map.of("A", "1", "B", "2"), KeyValuePairs.parse("A=1 #c\n,B=2"));
    assertEquals(Map.of("A", "1", "B", "2"), KeyValuePairs.parse("\nA=1,\nB=2"));
    assertEquals("No closing quotation",
        assertThrows(ConfigException.class, () -> KeyValuePairs.parse("A=\"open")).getMessage());
  }
}
