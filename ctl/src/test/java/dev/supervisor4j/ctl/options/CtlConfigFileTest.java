package dev.supervisor4j.ctl.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.supervisor4j.protocol.python.ConfigParserLines;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the lines are stored, as CPython 3.11's RawConfigParser does; the line rules themselves are
 * tested in protocol's {@code ConfigParserLinesTest}.
 */
class CtlConfigFileTest {
  private static Map<String, Map<String, String>> read(String text) throws Exception {
    return CtlConfigFile.sections(ConfigParserLines.parse(text, "/x.conf"));
  }

  @Test
  void defaultSectionShowsThrough() throws Exception {
    Map<String, Map<String, String>> ini = read("[DEFAULT]\nusername=dflt\nprompt=d\n[supervisorctl]\nprompt=p\n");
    assertEquals("dflt", CtlConfigFile.get(ini, "supervisorctl", "username"));
    assertEquals("p", CtlConfigFile.get(ini, "supervisorctl", "prompt"));
    assertNull(CtlConfigFile.get(ini, "supervisorctl", "password"));
  }

  @Test
  void duplicateSectionsMergeAndLaterKeysWin() throws Exception {
    Map<String, Map<String, String>> ini = read("[supervisorctl]\nprompt=a\nusername=u\n[supervisorctl]\nprompt=b\n");
    assertEquals("b", CtlConfigFile.get(ini, "supervisorctl", "prompt"));
    assertEquals("u", CtlConfigFile.get(ini, "supervisorctl", "username"));
  }

  @Test
  void sectionNamesAreCaseSensitive() throws Exception {
    assertFalse(read("[SupervisorCtl]\nprompt=x\n").containsKey("supervisorctl"));
  }
}
