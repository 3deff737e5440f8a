package dev.supervisor4j.ctl.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PercentExpanderTest {
  private final Map<String, String> names = new LinkedHashMap<>(Map.of("here", "/etc/sv", "ENV_HOME", "/root"));

  @Test
  void expandsNamesAndPercent() throws Exception {
    assertEquals("unix:///etc/sv/s.sock 100%",
        PercentExpander.expand("unix://%(here)s/s.sock 100%%", names, "supervisorctl.serverurl"));
    assertEquals("[  /root]", PercentExpander.expand("[%(ENV_HOME)7s]", names, "x"));
  }

  @Test
  void unknownNameListsTheAvailableOnesSorted() {
    PercentExpander.ExpansionException e = assertThrows(PercentExpander.ExpansionException.class,
        () -> PercentExpander.expand("%(nope)s", names, "supervisorctl.serverurl"));
    assertEquals("Format string '%(nope)s' for 'supervisorctl.serverurl' contains names ('nope') which cannot be "
        + "expanded. Available names: ENV_HOME, here", e.getMessage());
  }

  @Test
  void aLonePercentIsBadlyFormatted() {
    PercentExpander.ExpansionException e = assertThrows(PercentExpander.ExpansionException.class,
        () -> PercentExpander.expand("50%", names, "supervisorctl.password"));
    assertEquals("Format string '50%' for 'supervisorctl.password' is badly formatted: incomplete format",
        e.getMessage());
  }
}
