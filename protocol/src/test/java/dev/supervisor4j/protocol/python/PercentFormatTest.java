package dev.supervisor4j.protocol.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Python's {@code format % {'a': 'x', 'n': 3, 'q': "it's", 'big': 1234567, 'neg': -5}}: each result
 * or error text below was printed by CPython 3.11.
 */
class PercentFormatTest {
  private static final Map<String, Object> NAMES = names();
  private static final Map<String, String> STRINGS = new LinkedHashMap<>();

  static {
    STRINGS.put("here", "/etc/sv");
    STRINGS.put("ENV_HOME", "/root");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      %(a)s            | x
      %(n)02d          | 03
      %(n).3d          | 003
      %(n)+d           | +3
      `%(n) d`         | ` 3`
      %(n)-5d!         | `3    !`
      %(n)#x           | 0x3
      %(n)#o           | 0o3
      %(n)#X           | 0X3
      %(neg)05d        | -0005
      %(neg)#x         | -0x5
      %(n)f            | 3.000000
      %(n)e            | 3.000000e+00
      %(n)g            | 3
      %(big)g          | 1.23457e+06
      %(big).2g        | 1.2e+06
      %(n)#g           | 3.00000
      %(n)#.0f         | 3.
      %(big)015.3e     | 0000001.235e+06
      %(n)G            | 3
      %(n)E            | 3.000000E+00
      %(a)c            | x
      %(n)r            | 3
      %(a)r            | 'x'
      %(q)r            | "it's"
      %(a)5s!          | `    x!`
      %(a)-5s!         | `x    !`
      %(a).0s!         | !
      %(n)05s          | `    3`
      %%               | %
      %(a)hs           | x
      %(n)i            | 3
      """)
  void formatsLikePython(String format, String expected) throws Exception {
    assertEquals(expected, PercentFormat.format(format, NAMES));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      %(a)d            | %d format: a real number is required, not str
      %(a)i            | %i format: a real number is required, not str
      %(a)x            | %x format: an integer is required, not str
      %(a)f            | must be real number, not str
      %(a)             | incomplete format
      %(a              | incomplete format key
      50%              | incomplete format
      %(a)s%           | incomplete format
      %d               | %d format: a real number is required, not dict
      %x               | %x format: an integer is required, not dict
      %s %s            | not enough arguments for format string
      %(a)s %s         | not enough arguments for format string
      `echo %(a)s %y`  | not enough arguments for format string
      %(a)*d           | * wants int
      %(n)*.*d         | not enough arguments for format string
      %(a)%            | unsupported format character '%' (0x25) at index 4
      %(a)n            | unsupported format character 'n' (0x6e) at index 4
      %(n)lld          | unsupported format character 'l' (0x6c) at index 5
      %(a)(b)s         | unsupported format character '(' (0x28) at index 4
      %z               | unsupported format character 'z' (0x7a) at index 1
      %5%              | unsupported format character '%' (0x25) at index 2
      %(a)é            | unsupported format character '?' (0xe9) at index 4
      %(b)c            | %c requires int or char
      """)
  void rejectsLikePython(String format, String message) {
    PythonError e = assertThrows(PythonError.class, () -> PercentFormat.format(format, NAMES));
    assertEquals(message, e.getMessage());
    assertEquals(null, e.key());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      %(zz)s   | zz
      %(zz)    | zz
      `%( a)s` | ` a`
      %()s     | ''
      """)
  void reportsMissingNames(String format, String name) {
    PythonError e = assertThrows(PythonError.class, () -> PercentFormat.format(format, NAMES));
    assertEquals("KeyError", e.pythonClass());
    assertEquals(name.equals("''") ? "" : name, e.key());
  }

  @Test
  void bareSPrintsTheMapAsAPythonDict() throws Exception {
    assertEquals("{'a': 'x', 'b': 'xy', 'n': 3, 'q': \"it's\", 'big': 1234567, 'neg': -5}",
        PercentFormat.format("%s", NAMES));
    assertEquals("{'a': 'x', 'b': 'xy', 'n': 3, 'q': \"it's\", 'big': 1234567, 'neg': -5}",
        PercentFormat.format("%r", NAMES));
    assertEquals("{'x': '\\xe9'}", PercentFormat.format("%a", Map.of("x", "\u00e9")));
  }

  @Test
  void expandReportsAMissingNameWithTheAvailableOnesSorted() {
    assertEquals("Format string 'ls %(nope)s' for 'program:x.command' contains names ('nope') "
            + "which cannot be expanded. Available names: a, b, big, n, neg, q",
        assertThrows(PythonError.class,
            () -> PercentFormat.expand("ls %(nope)s", NAMES, "program:x.command")).getMessage());
    PythonError e = assertThrows(PythonError.class,
        () -> PercentFormat.expand("%(nope)s", STRINGS, "supervisorctl.serverurl"));
    assertEquals("ValueError", e.pythonClass());
    assertEquals("Format string '%(nope)s' for 'supervisorctl.serverurl' contains names ('nope') which cannot be "
        + "expanded. Available names: ENV_HOME, here", e.getMessage());
  }

  @Test
  void expandReportsABadFormat() {
    assertEquals("Format string '50%' for 'supervisorctl.password' is badly formatted: incomplete format",
        assertThrows(PythonError.class, () -> PercentFormat.expand("50%", STRINGS, "supervisorctl.password"))
            .getMessage());
  }

  @Test
  void expandsNamesAndPercent() throws Exception {
    assertEquals("unix:///etc/sv/s.sock 100%",
        PercentFormat.expand("unix://%(here)s/s.sock 100%%", STRINGS, "supervisorctl.serverurl"));
    assertEquals("[  /root]", PercentFormat.expand("[%(ENV_HOME)7s]", STRINGS, "x"));
    assertEquals("{'here': '/etc/sv', 'ENV_HOME': '/root'}", PercentFormat.expand("%s", STRINGS, "x"));
  }

  private static Map<String, Object> names() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", "x");
    m.put("b", "xy");
    m.put("n", 3);
    m.put("q", "it's");
    m.put("big", 1234567);
    m.put("neg", -5);
    return m;
  }
}
