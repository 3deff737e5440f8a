package dev.supervisor4j.daemon.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyslogTest {
  @Test
  void everyMessageIsUserInfoAsPythonsSyslogSendsIt() {
    assertEquals(14, Syslog.USER_INFO); // the <14> of the wire
    assertEquals("supervisord", Syslog.IDENT);
  }

  @Test
  void aTextIsSplitAsSupervisorSplitsARecord() {
    assertEquals(List.of("one"), Syslog.lines("one"));
    assertEquals(List.of("one"), Syslog.lines("one\n"));
    assertEquals(List.of("one"), Syslog.lines("one\n\n\n")); // trailing newlines all dropped
    assertEquals(List.of("one", "", "two"), Syslog.lines("one\n\ntwo\n"));
    assertEquals(List.of("", "one"), Syslog.lines("\none"));
    assertEquals(List.of(""), Syslog.lines(""));
    assertEquals(List.of(""), Syslog.lines("\n\n"));
    assertEquals(List.of("a\r", "b"), Syslog.lines("a\r\nb")); // only \n separates
  }
}
