package dev.supervisor4j.ctl.command;

import dev.supervisor4j.protocol.python.PyStr;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code help} and {@code help <action>}. The action list is laid out exactly as Python's
 * {@code cmd.Cmd.print_topics} does (header, ruler, columns fitted to 79 characters), since
 * scripts and eyes know that shape. The per-action texts are our own words: each starts with the
 * same synopsis Supervisor prints ({@code start <name>}, {@code tail -f <name>}, ...), so the
 * usage is recognisable, but the descriptions are not copied.
 */
final class HelpCommand {
  private HelpCommand() {}

  private static final String HEADER = "default commands (type help <topic>):";

  static void help(Controller ctl, String arg) {
    if (arg.isEmpty()) {
      List<String> topics = new ArrayList<>();
      for (String a : CommandParser.ACTIONS) {
        if (!a.equals("help")) {
          topics.add(a);
        }
      }
      ctl.output("");
      ctl.output(HEADER);
      ctl.output("=".repeat(HEADER.length()));
      for (String line : columnize(topics, 79)) {
        ctl.output(line);
      }
      ctl.output("");
      return;
    }
    if (PyStr.strip(arg).equals("help")) {
      ctl.output("help\t\tList the available actions");
      ctl.output("help <action>\tDescribe <action>");
      return;
    }
    if (!topic(ctl, arg)) {
      ctl.output("*** No help on " + arg);
    }
  }

  /** Prints the help of one action; false when there is none. */
  static boolean topic(Controller ctl, String action) {
    String text = text(action);
    if (text == null) {
      return false;
    }
    for (String line : text.split("\n", -1)) {
      ctl.output(line);
    }
    return true;
  }

  private static String text(String action) {
    switch (action) {
      case "add":
        return "add <name> [...]\tActivate the groups reread found, as configured";
      case "avail":
        return "avail\t\t\tList every configured process, active or not";
      case "clear":
        return "clear <name>\t\tEmpty the log files of a process\n"
            + "clear <name> <name>\tEmpty the log files of several processes\n"
            + "clear all\t\tEmpty the log files of every process";
      case "exit":
        return "exit\tLeave the shell.";
      case "fg":
        return "fg <process>\tAttach to a running process: show its output, send it your input\n"
            + "\t\tCtrl-C detaches";
      case "maintail":
        return "maintail -f \tFollow supervisord's main log (Ctrl-C stops)\n"
            + "maintail -100\tShow the last 100 bytes of the main log\n"
            + "maintail\tShow the last 1600 bytes of the main log\n";
      case "open":
        return "open <url>\tSwitch to another supervisord and show its status.\n"
            + "\t\t(a unix socket is written unix:///path/to/socket)";
      case "pid":
        return "pid\t\t\tShow supervisord's own PID.\n"
            + "pid <name>\t\tShow the PID of one process.\n"
            + "pid all\t\t\tShow the PID of each process, one per line.";
      case "quit":
        return "quit\tLeave the shell.";
      case "reload":
        return "reload \t\tRestart supervisord itself.";
      case "remove":
        return "remove <name> [...]\tTake stopped groups out of the running config";
      case "reread":
        return "reread \t\t\tRe-read the config files and report what changed, without applying it";
      case "restart":
        return "restart <name>\t\tStop, then start a process\n"
            + "restart <gname>:*\tStop, then start each process of a group\n"
            + "restart <name> <name>\tStop, then start several processes or groups\n"
            + "restart all\t\tStop, then start every process\n"
            + "Note: restart keeps the running config; use reread and update to apply config changes.";
      case "shutdown":
        return "shutdown \tStop every process and then supervisord.";
      case "signal":
        return "signal <signal name> <name>\t\tSend a signal to a process\n"
            + "signal <signal name> <gname>:*\t\tSend a signal to each process of a group\n"
            + "signal <signal name> <name> <name>\tSend a signal to several processes or groups\n"
            + "signal <signal name> all\t\tSend a signal to every process";
      case "start":
        return "start <name>\t\tStart a process\n"
            + "start <gname>:*\t\tStart each process of a group\n"
            + "start <name> <name>\tStart several processes or groups\n"
            + "start all\t\tStart every process";
      case "history":
        return "history <name> [-n N]\tShow the last N (default 20) state changes of a process and the\n"
            + "\t\t\toperator actions on it, oldest first (supervisor4j only)\n"
            + "history [-n N]\t\tShow the last N operator actions and daemon starts and stops";
      case "status":
        return "status <name>\t\tShow the state of one process\n"
            + "status <gname>:*\tShow the state of each process of a group\n"
            + "status <name> <name>\tShow the state of several processes\n"
            + "status\t\t\tShow the state of every process";
      case "stop":
        return "stop <name>\t\tStop a process\n"
            + "stop <gname>:*\t\tStop each process of a group\n"
            + "stop <name> <name>\tStop several processes or groups\n"
            + "stop all\t\tStop every process";
      case "tail":
        return "tail [-f] <name> [stdout|stderr] (default stdout)\n"
            + "Ex:\n"
            + "tail -f <name>\t\tFollow the stdout of a process as it is written\n"
            + "\t\t\tCtrl-C stops.\n"
            + "tail -100 <name>\tthe last 100 *bytes* of its stdout\n"
            + "tail <name> stderr\tthe last 1600 *bytes* of its stderr";
      case "update":
        return "update\t\t\tRe-read the config, then add, remove and restart groups to match it\n"
            + "update all\t\tThe same as update\n"
            + "update <gname> [...]\tApply the changes to these groups only";
      case "version":
        return "version\t\t\tShow supervisord's version";
      default:
        return null;
    }
  }

  /** Python's {@code cmd.Cmd.columnize}: the fewest rows whose columns, two spaces apart, fit the width. */
  static List<String> columnize(List<String> items, int width) {
    List<String> lines = new ArrayList<>();
    if (items.isEmpty()) {
      lines.add("<empty>");
      return lines;
    }
    int size = items.size();
    if (size == 1) {
      lines.add(items.get(0));
      return lines;
    }
    int nrows = size;
    int[] colwidths = {0};
    int ncols = 1;
    for (int rows = 1; rows < size; rows++) {
      int cols = (size + rows - 1) / rows;
      int[] widths = new int[cols];
      int total = -2;
      for (int col = 0; col < cols; col++) {
        int w = 0;
        for (int row = 0; row < rows; row++) {
          int i = row + rows * col;
          if (i >= size) {
            break;
          }
          w = Math.max(w, items.get(i).length());
        }
        widths[col] = w;
        total += w + 2;
        if (total > width) {
          break;
        }
      }
      if (total <= width) {
        nrows = rows;
        ncols = cols;
        colwidths = widths;
        break;
      }
    }
    for (int row = 0; row < nrows; row++) {
      List<String> texts = new ArrayList<>();
      for (int col = 0; col < ncols; col++) {
        int i = row + nrows * col;
        texts.add(i >= size ? "" : items.get(i));
      }
      while (!texts.isEmpty() && texts.get(texts.size() - 1).isEmpty()) {
        texts.remove(texts.size() - 1);
      }
      StringBuilder b = new StringBuilder();
      for (int col = 0; col < texts.size(); col++) {
        if (col > 0) {
          b.append("  ");
        }
        b.append(StatusTable.pad(texts.get(col), colwidths[col]));
      }
      lines.add(b.toString());
    }
    return lines;
  }
}
