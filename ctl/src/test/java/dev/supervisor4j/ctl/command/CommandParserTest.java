package dev.supervisor4j.ctl.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class CommandParserTest {
  @Test
  void actionAndStrippedArgument() {
    assertEquals(new CtlCommand.Status("a b"), CommandParser.parse("  status   a b  "));
    assertEquals(new CtlCommand.Tail("-f grp:x stderr"), CommandParser.parse("tail -f grp:x stderr"));
    assertEquals(new CtlCommand.Help("status"), CommandParser.parse("? status"));
    assertEquals(new CtlCommand.Help(""), CommandParser.parse("?"));
    assertInstanceOf(CtlCommand.Quit.class, CommandParser.parse("EOF"));
    assertInstanceOf(CtlCommand.Quit.class, CommandParser.parse("exit now"));
    assertInstanceOf(CtlCommand.Empty.class, CommandParser.parse(" \t "));
  }

  @Test
  void unknownLinesKeepTheirTextStripped() {
    assertEquals(new CtlCommand.Unknown("foo-bar"), CommandParser.parse(" foo-bar "));
    assertEquals(new CtlCommand.Unknown("!ls"), CommandParser.parse("!ls"));
    assertEquals(new CtlCommand.Unknown("-x"), CommandParser.parse("-x"));
    assertEquals(new CtlCommand.Unknown("Status"), CommandParser.parse("Status"));
    // the action is the leading identifier: "status-x" is action "status" with argument "-x"
    assertEquals(new CtlCommand.Status("-x"), CommandParser.parse("status-x"));
  }
}
