package dev.supervisor4j.ctl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessState;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionTest {
  private static final Completion.Infos INFOS = () -> List.of(info("cat", "cat"), info("grp", "ga"),
      info("grp", "gb_0"), info("sleeper", "sleeper"));

  private static ProcessInfo info(String group, String name) {
    return new ProcessInfo(name, group, 0, 0, 0, ProcessState.RUNNING, "", 0, "", "", 0, "");
  }

  @Test
  void actionsForTheFirstWordAndAfterHelp() {
    assertEquals(List.of("start", "status", "stop", "shutdown", "signal").stream().sorted().toList(),
        Completion.candidates("s", "s", INFOS).stream().sorted().toList());
    assertEquals(List.of("reload", "remove", "reread", "restart"), Completion.candidates("help re", "re", INFOS));
    assertEquals(CommandParserActions.ALL, Completion.candidates("", "", INFOS));
  }

  @Test
  void processNamesWithGroupForms() {
    assertEquals(List.of("cat", "grp:ga", "grp:*", "grp:gb_0", "sleeper"), Completion.candidates("status ", "", INFOS));
    assertEquals(List.of("grp:ga", "grp:*", "grp:gb_0"), Completion.candidates("stop gr", "gr", INFOS));
    assertEquals(List.of("cat:cat", "cat:*"), Completion.candidates("tail cat:", "cat:", INFOS));
  }

  @Test
  void groupsForAddRemoveUpdate() {
    assertEquals(List.of("cat", "grp", "sleeper"), Completion.candidates("update ", "", INFOS));
    assertEquals(List.of(), Completion.candidates("version ", "", INFOS));
  }

  /** The action list, to keep the assertion above readable. */
  static final class CommandParserActions {
    static final List<String> ALL = dev.supervisor4j.ctl.command.CommandParser.ACTIONS;
  }
}
