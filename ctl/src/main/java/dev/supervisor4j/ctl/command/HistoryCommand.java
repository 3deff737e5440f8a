package dev.supervisor4j.ctl.command;

import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.HistoryEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code history [name] [-n N]}: supervisor4j's own command (Supervisor has no history). With a
 * name, that process's state changes and the operator actions aimed at it; without, every operator
 * action and daemon start/stop/reload. One line per entry, oldest first, laid out like
 * {@code status}: time, a 32-wide name column, then what happened.
 */
final class HistoryCommand {
  private HistoryCommand() {}

  static final int DEFAULT_LINES = 20;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneId.systemDefault());

  static void history(Controller ctl, List<String> words) {
    String name = null;
    int lines = DEFAULT_LINES;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("-n") && i + 1 < words.size()) {
        lines = count(words.get(++i));
      } else if (w.startsWith("-n") && w.length() > 2) {
        lines = count(w.substring(2));
      } else if (name == null && !w.startsWith("-")) {
        name = w;
      } else {
        lines = -1;
        break;
      }
    }
    if (lines <= 0) {
      ctl.output("Error: bad arguments");
      ctl.setExitStatus(ExitStatus.GENERIC);
      HelpCommand.topic(ctl, "history");
      return;
    }
    if (!ctl.upcheck()) {
      return;
    }
    List<HistoryEntry> entries;
    try {
      entries = Rpc.await(name == null ? ctl.supervisor().getActions(0, lines)
          : ctl.supervisor().getProcessHistory(name, 0, lines));
    } catch (RuntimeException e) {
      ctl.setExitStatus(ExitStatus.GENERIC);
      if (Rpc.is(e, Fault.BAD_NAME)) {
        ctl.output(name + ": ERROR (no such process)");
      } else if (Rpc.is(e, Fault.UNKNOWN_METHOD)) {
        ctl.output("ERROR: this supervisord keeps no history");
      } else if (Rpc.faultCode(e) >= 0) {
        ctl.output("ERROR: " + detail(Rpc.faultString(e)));
      } else {
        throw e;
      }
      return;
    }
    if (entries.isEmpty()) {
      ctl.output(name == null ? "No history" : name + ": no history");
    }
    for (HistoryEntry e : entries) {
      ctl.output(line(e));
    }
  }

  private static int count(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** {@code FAILED: history unavailable: ...} → {@code history unavailable: ...}. */
  private static String detail(String faultString) {
    return faultString.startsWith("FAILED: ") ? faultString.substring("FAILED: ".length()) : faultString;
  }

  static String line(HistoryEntry e) {
    String when = TIME.format(Instant.ofEpochMilli(e.epochMillis()));
    if (e instanceof HistoryEntry.StateChange c) {
      StringBuilder what = new StringBuilder(StatusTable.pad(c.to().name(), 9));
      if (c.pid() != 0) {
        what.append(" pid ").append(c.pid());
      }
      if (c.exitStatus() != null) {
        what.append(c.pid() != 0 ? "," : "");
        // supervisord's exitstatus is -1 for a death by signal.
        what.append(c.exitStatus() == -1 ? " terminated by a signal" : " exit status " + c.exitStatus());
        if (c.to() == dev.supervisor4j.protocol.ProcessState.EXITED) {
          what.append(c.expected() ? " (expected)" : " (not expected)");
        }
      }
      if (!c.spawnError().isEmpty()) {
        what.append(" ").append(c.spawnError());
      }
      return when + "  " + StatusTable.pad(c.namespec(), 32) + " " + what.toString().stripTrailing();
    }
    if (e instanceof HistoryEntry.Action a) {
      String who = a.user().isEmpty() ? "via " + a.via() : "by " + a.user() + " via " + a.via();
      String target = a.target().isEmpty() ? "supervisord" : a.target();
      return when + "  " + StatusTable.pad(target, 32) + " " + a.action() + " " + who + ": " + a.result();
    }
    HistoryEntry.Daemon d = (HistoryEntry.Daemon) e;
    return when + "  " + StatusTable.pad("supervisord", 32) + " " + d.event()
        + (d.detail().isEmpty() ? "" : " (" + d.detail() + ")");
  }
}
