package dev.supervisor4j.ctl.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelpCommandTest {
  @Test
  void actionListIsLaidOutLikePythonsCmd() {
    List<String> topics = new ArrayList<>(CommandParser.ACTIONS);
    topics.remove("help");
    // Supervisor 4.2.5's `help` output, column for column.
    assertEquals(List.of(
        "add    exit      open  reload  restart   start   tail   ",
        "avail  fg        pid   remove  shutdown  status  update ",
        "clear  maintail  quit  reread  signal    stop    version"), HelpCommand.columnize(topics, 79));
  }

  @Test
  void columnizeEdgeCases() {
    assertEquals(List.of("<empty>"), HelpCommand.columnize(List.of(), 79));
    assertEquals(List.of("only"), HelpCommand.columnize(List.of("only"), 79));
    assertEquals(List.of("aaaa", "bbbb"), HelpCommand.columnize(List.of("aaaa", "bbbb"), 5));
  }
}
