package dev.supervisor4j.ctl.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Expected values were produced by CPython 3.11's RawConfigParser with Supervisor's settings. */
class IniReaderTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "inline comment after space | [supervisorctl]\\nserverurl = unix:///tmp/a.sock ; comment\\n | serverurl | unix:///tmp/a.sock",
      "semicolon inside a value | [supervisorctl]\\nprompt=a;b\\n | prompt | a;b",
      "hash after space | [supervisorctl]\\nusername=x #c\\n | username | x",
      "hash inside a value | [supervisorctl]\\npassword=p#q\\n | password | p#q",
      "continuation lines | [supervisorctl]\\nprompt = first\\n  second\\n\\n  third\\n\\nusername=u\\n | prompt | first\\nsecond\\n\\nthird",
      "DEFAULT section | [DEFAULT]\\nusername=dflt\\n[supervisorctl]\\nprompt=p\\n | username | dflt",
      "prefix search quirk | [supervisorctl]\\nprompt=x#y #z ;w\\n | prompt | x#y #z",
      "colon delimiter | [supervisorctl]\\nserverurl: http://h:1\\n | serverurl | http://h:1",
      "keys lower-cased | [supervisorctl]\\nPROMPT = Up\\n | prompt | Up",
      "duplicate sections merge | [supervisorctl]\\nprompt=a\\n[supervisorctl]\\nprompt=b\\n | prompt | b",
      "text after the header | [supervisorctl] junk\\nprompt=h\\n | prompt | h",
      "tab before comment | [supervisorctl]\\nprompt=a\\t;b\\n | prompt | a",
      "CRLF lines | [supervisorctl]\\r\\nprompt=crlf\\r\\n | prompt | crlf",
      "indented comment inside a value | [supervisorctl]\\nprompt=a\\n  ; not a continuation\\n  b\\n | prompt | a\\nb",
  })
  void readsLikeConfigparser(String name, String text, String key, String expected) throws Exception {
    IniReader ini = IniReader.parse(unescape(text), "/x.conf");
    assertEquals(unescape(expected), ini.get("supervisorctl", key));
  }

  @Test
  void sectionNamesAreCaseSensitive() throws Exception {
    IniReader ini = IniReader.parse("[SupervisorCtl]\nprompt=x\n", "/x.conf");
    assertFalse(ini.hasSection("supervisorctl"));
  }

  @Test
  void noSectionHeader() {
    IniReader.SyntaxException e = assertThrows(IniReader.SyntaxException.class,
        () -> IniReader.parse("127.0.0.1 localhost\n", "/etc/hosts"));
    assertEquals("File contains no section headers.\nfile: '/etc/hosts', line: 1\n'127.0.0.1 localhost\\n'",
        e.getMessage());
  }

  @Test
  void parsingErrorsListEveryBadLine() {
    IniReader.SyntaxException e = assertThrows(IniReader.SyntaxException.class,
        () -> IniReader.parse("[supervisorctl]\n=x\nfoo\n", "/x.conf"));
    assertEquals("Source contains parsing errors: '/x.conf'\n\t[line  2]: '=x\\n'\n\t[line  3]: 'foo\\n'",
        e.getMessage());
  }

  static String unescape(String s) {
    return s.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
  }
}
