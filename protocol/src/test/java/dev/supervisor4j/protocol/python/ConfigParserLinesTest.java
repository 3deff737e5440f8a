package dev.supervisor4j.protocol.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values were produced by CPython 3.11's RawConfigParser with Supervisor's settings. */
class ConfigParserLinesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "inline comment after space | [supervisorctl]\\nserverurl = unix:///tmp/a.sock ; comment\\n | serverurl | unix:///tmp/a.sock",
      "semicolon inside a value | [supervisorctl]\\nprompt=a;b\\n | prompt | a;b",
      "hash after space | [supervisorctl]\\nusername=x #c\\n | username | x",
      "hash inside a value | [supervisorctl]\\npassword=p#q\\n | password | p#q",
      "continuation lines | [supervisorctl]\\nprompt = first\\n  second\\n\\n  third\\n\\nusername=u\\n | prompt | first\\nsecond\\n\\nthird",
      "prefix search quirk | [supervisorctl]\\nprompt=x#y #z ;w\\n | prompt | x#y #z",
      "colon delimiter | [supervisorctl]\\nserverurl: http://h:1\\n | serverurl | http://h:1",
      "keys lower-cased | [supervisorctl]\\nPROMPT = Up\\n | prompt | Up",
      "text after the header | [supervisorctl] junk\\nprompt=h\\n | prompt | h",
      "tab before comment | [supervisorctl]\\nprompt=a\\t;b\\n | prompt | a",
      "CRLF lines | [supervisorctl]\\r\\nprompt=crlf\\r\\n | prompt | crlf",
      "CR lines | [supervisorctl]\\rprompt=cr\\r  more\\r | prompt | cr\\nmore",
      "indented comment inside a value | [supervisorctl]\\nprompt=a\\n  ; not a continuation\\n  b\\n | prompt | a\\nb",
      "no newline at the end | [supervisorctl]\\nprompt=last | prompt | last",
  })
  void readsLikeConfigparser(String name, String text, String key, String expected) throws Exception {
    String value = null;
    for (ConfigParserLines.Line l : ConfigParserLines.parse(unescape(text), "/x.conf")) {
      if (!l.isHeader() && l.key().equals(key)) {
        value = l.value();
      }
    }
    assertEquals(unescape(expected), value);
  }

  @Test
  void headersAndOptionsInFileOrderAsWritten() throws Exception {
    assertEquals(List.of(
            new ConfigParserLines.Line(" a ", null, null),
            new ConfigParserLines.Line(" a ", "k", "v"),
            new ConfigParserLines.Line("x]", null, null),
            new ConfigParserLines.Line("x]", "q", "1"),
            new ConfigParserLines.Line(" a ", null, null),
            new ConfigParserLines.Line(" a ", "k", "")),
        ConfigParserLines.parse("[ a ]\nK : v ; c\n[x]]\nq=1\n[ a ]\nk=\n", "/x.conf"));
  }

  @Test
  void noSectionHeader() {
    PythonError e = assertThrows(PythonError.class,
        () -> ConfigParserLines.parse("127.0.0.1 localhost\n", "/etc/hosts"));
    assertEquals("MissingSectionHeaderError", e.pythonClass());
    assertEquals("File contains no section headers.\nfile: '/etc/hosts', line: 1\n'127.0.0.1 localhost\\n'",
        e.getMessage());
    assertEquals("File contains no section headers.\nfile: '/x.conf', line: 1\n'[]\\n'",
        assertThrows(PythonError.class, () -> ConfigParserLines.parse("[]\nk=v\n", "/x.conf")).getMessage());
  }

  @Test
  void parsingErrorsListEveryBadLine() {
    PythonError e = assertThrows(PythonError.class,
        () -> ConfigParserLines.parse("[supervisorctl]\n=x\nfoo\n", "/x.conf"));
    assertEquals("ParsingError", e.pythonClass());
    assertEquals("Source contains parsing errors: '/x.conf'\n\t[line  2]: '=x\\n'\n\t[line  3]: 'foo\\n'",
        e.getMessage());
  }

  @Test
  void anEmptyKeyTakesNoContinuationLines() {
    // configparser names the option "" there, and an empty name continues nothing: the next line is an error too.
    assertEquals("Source contains parsing errors: '/x.conf'\n\t[line  3]: '=x\\n'\n\t[line  4]: '  foo\\n'",
        assertThrows(PythonError.class, () -> ConfigParserLines.parse("[a]\nk=v\n=x\n  foo\n", "/x.conf"))
            .getMessage());
    assertEquals("Source contains parsing errors: '/x.conf'\n\t[line  3]: 'foo\\n'",
        assertThrows(PythonError.class, () -> ConfigParserLines.parse("[a]\nk=v\nfoo\n  bar\n", "/x.conf"))
            .getMessage());
  }

  static String unescape(String s) {
    return s.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
  }
}
