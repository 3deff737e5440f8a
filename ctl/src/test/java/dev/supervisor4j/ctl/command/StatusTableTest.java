package dev.supervisor4j.ctl.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessState;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTableTest {
  private static ProcessInfo info(String group, String name, ProcessState state, String description) {
    return new ProcessInfo(name, group, 0, 0, 0, state, "", 0, "", "", 0, description);
  }

  @Test
  void widthIsAtLeastThirtyPlusThree() {
    assertEquals(List.of(
        "cat                              RUNNING   pid 1, uptime 0:00:02",
        "grp:ga                           STOPPED   Not started",
        "listener                         STARTING  "),
        StatusTable.lines(List.of(info("cat", "cat", ProcessState.RUNNING, "pid 1, uptime 0:00:02"),
            info("grp", "ga", ProcessState.STOPPED, "Not started"),
            info("listener", "listener", ProcessState.STARTING, ""))));
  }

  @Test
  void longNamesWidenEveryLine() {
    String longName = "a_rather_long_program_name_of_41_chars_xx";
    assertEquals(41, longName.length());
    List<String> lines = StatusTable.lines(List.of(info(longName, longName, ProcessState.FATAL, "x"),
        info("b", "b", ProcessState.EXITED, "y")));
    assertEquals(longName + "   FATAL     x", lines.get(0));
    assertEquals("b" + " ".repeat(43) + "EXITED    y", lines.get(1));
  }
}
