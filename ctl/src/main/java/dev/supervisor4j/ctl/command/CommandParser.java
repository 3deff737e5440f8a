package dev.supervisor4j.ctl.command;

import dev.supervisor4j.protocol.python.PyStr;
import java.util.List;

/**
 * Splits a line into action and argument as Python's {@code cmd.Cmd.parseline} does: the line is
 * stripped, {@code ?} means {@code help}, {@code !} (no shell here) is unknown, and the action is
 * the leading run of letters, digits and underscores, so {@code foo-bar} is the unknown action
 * {@code foo}, reported with the whole line.
 */
public final class CommandParser {
  /** The action names, in the order {@code help} lists them. */
  public static final List<String> ACTIONS = List.of("add", "avail", "clear", "exit", "fg", "help", "maintail",
      "open", "pid", "quit", "reload", "remove", "reread", "restart", "shutdown", "signal", "start", "status",
      "stop", "tail", "update", "version");

  private CommandParser() {}

  public static CtlCommand parse(String input) {
    String line = PyStr.strip(input);
    if (line.isEmpty()) {
      return new CtlCommand.Empty();
    }
    if (line.charAt(0) == '?') {
      line = "help " + line.substring(1);
    } else if (line.charAt(0) == '!') {
      return new CtlCommand.Unknown(line);
    }
    int i = 0;
    while (i < line.length() && isIdentChar(line.charAt(i))) {
      i++;
    }
    String action = line.substring(0, i);
    String arg = PyStr.strip(line.substring(i));
    switch (action) {
      case "status":
        return new CtlCommand.Status(arg);
      case "pid":
        return new CtlCommand.Pid(arg);
      case "history":
        return new CtlCommand.History(arg);
      case "version":
        return new CtlCommand.Version(arg);
      case "avail":
        return new CtlCommand.Avail(arg);
      case "start":
        return new CtlCommand.Start(arg);
      case "stop":
        return new CtlCommand.Stop(arg);
      case "restart":
        return new CtlCommand.Restart(arg);
      case "signal":
        return new CtlCommand.Signal(arg);
      case "clear":
        return new CtlCommand.Clear(arg);
      case "tail":
        return new CtlCommand.Tail(arg);
      case "maintail":
        return new CtlCommand.Maintail(arg);
      case "fg":
        return new CtlCommand.Fg(arg);
      case "reread":
        return new CtlCommand.Reread(arg);
      case "update":
        return new CtlCommand.Update(arg);
      case "add":
        return new CtlCommand.Add(arg);
      case "remove":
        return new CtlCommand.Remove(arg);
      case "shutdown":
        return new CtlCommand.Shutdown(arg);
      case "reload":
        return new CtlCommand.Reload(arg);
      case "open":
        return new CtlCommand.Open(arg);
      case "help":
        return new CtlCommand.Help(arg);
      case "quit":
      case "exit":
      case "EOF": // Python's cmd turns end of input into the action "EOF", and so may a user.
        return new CtlCommand.Quit();
      default:
        return new CtlCommand.Unknown(line);
    }
  }

  private static boolean isIdentChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
