package dev.supervisor4j.ctl.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supervisor4j.protocol.HistoryEntry;
import dev.supervisor4j.protocol.ProcessState;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The line layout of {@code history}: time, the 32-wide name column, then what happened. */
class HistoryCommandTest {
  private static final long AT = LocalDateTime.of(2026, 11, 24, 16, 1, 43).atZone(ZoneId.systemDefault())
      .toInstant().toEpochMilli();

  @Test
  void stateChangesShowPidExitAndWhetherExpected() {
    assertEquals("2026-11-24 16:01:43  g:web                            EXITED    pid 42, exit status 3 (not expected)",
        HistoryCommand.line(new HistoryEntry.StateChange(AT, "g", "web", ProcessState.RUNNING, ProcessState.EXITED,
            42, 3, false, "")));
    assertEquals("2026-11-24 16:01:43  web                              STOPPED   pid 42, terminated by a signal",
        HistoryCommand.line(new HistoryEntry.StateChange(AT, "web", "web", ProcessState.STOPPING,
            ProcessState.STOPPED, 42, -1, false, "")));
    assertEquals("2026-11-24 16:01:43  web                              BACKOFF   can't find command 'x'",
        HistoryCommand.line(new HistoryEntry.StateChange(AT, "web", "web", ProcessState.STARTING,
            ProcessState.BACKOFF, 0, null, false, "can't find command 'x'")));
  }

  @Test
  void actionsShowWhoAndHowAndDaemonEventsTheirDetail() {
    assertEquals("2026-11-24 16:01:43  web                              stopProcess by alice via tcp: OK",
        HistoryCommand.line(new HistoryEntry.Action(AT, "alice", "tcp", "stopProcess", "web", true, "OK")));
    assertEquals("2026-11-24 16:01:43  supervisord                      SIGTERM via signal: shutdown",
        HistoryCommand.line(new HistoryEntry.Action(AT, "", "signal", "SIGTERM", "", true, "shutdown")));
    assertEquals("2026-11-24 16:01:43  supervisord                      started (pid 7, supervisor4j 4.2.5)",
        HistoryCommand.line(new HistoryEntry.Daemon(AT, "started", "pid 7, supervisor4j 4.2.5")));
  }
}
