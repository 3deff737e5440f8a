package dev.supervisor4j.ctl.shell;

import dev.supervisor4j.ctl.command.CommandParser;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.python.PyStr;
import java.util.ArrayList;
import java.util.List;

/**
 * What Tab offers, by Supervisor's rules: action names for the first word (and after
 * {@code help}), group names after {@code add}/{@code remove}/{@code update}, process names after
 * the process commands. A process whose name differs from its group (or any word with a colon)
 * is offered as {@code group:name}, together with {@code group:*}. Words may contain {@code :},
 * {@code *} and {@code -} (Supervisor removes them from readline's delimiters).
 */
public final class Completion {
  /** Where the process list comes from; called only when a completion needs it. */
  public interface Infos {
    List<ProcessInfo> get();
  }

  private static final List<String> GROUP_ACTIONS = List.of("add", "remove", "update");
  private static final List<String> PROCESS_ACTIONS =
      List.of("clear", "fg", "pid", "restart", "signal", "start", "status", "stop", "tail");

  private Completion() {}

  /**
   * @param line the whole input line so far
   * @param text the word being completed (the text before the cursor back to the last space)
   * @return the candidates, without the trailing space Supervisor appends
   */
  public static List<String> candidates(String line, String text, Infos infos) {
    if (PyStr.strip(line).isEmpty()) {
      return actions(text);
    }
    List<String> words = PyStr.split(line);
    String action = words.get(0);
    if (words.size() == 1 && !line.endsWith(" ")) {
      return actions(text);
    }
    if (action.equals("help")) {
      return actions(text);
    }
    if (GROUP_ACTIONS.contains(action)) {
      List<String> groups = new ArrayList<>();
      for (ProcessInfo info : infos.get()) {
        if (!groups.contains(info.group())) {
          groups.add(info.group());
        }
      }
      return matching(groups, text);
    }
    if (PROCESS_ACTIONS.contains(action)) {
      List<String> names = new ArrayList<>();
      for (ProcessInfo info : infos.get()) {
        if (text.indexOf(':') >= 0 || !info.name().equals(info.group())) {
          names.add(info.group() + ":" + info.name());
          String all = info.group() + ":*";
          if (!names.contains(all)) {
            names.add(all);
          }
        } else {
          names.add(info.name());
        }
      }
      return matching(names, text);
    }
    return List.of();
  }

  private static List<String> actions(String text) {
    return matching(CommandParser.ACTIONS, text);
  }

  private static List<String> matching(List<String> all, String text) {
    List<String> out = new ArrayList<>();
    for (String s : all) {
      if (s.startsWith(text)) {
        out.add(s);
      }
    }
    return out;
  }
}
