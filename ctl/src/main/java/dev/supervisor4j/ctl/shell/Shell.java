package dev.supervisor4j.ctl.shell;

import dev.supervisor4j.ctl.command.Controller;
import dev.supervisor4j.ctl.command.CtlIO;

/**
 * The interactive loop: {@code status} first, then {@code <prompt>> } lines until {@code quit},
 * {@code exit}, end of input (which prints an empty line) or Ctrl-C at the prompt (also an empty
 * line). The exit status of the shell is always 0, as Supervisor's is.
 */
public final class Shell {
  private Shell() {}

  public static int run(Controller ctl, CtlIO io) {
    String prompt = ctl.options().prompt() + "> ";
    try {
      boolean stop = ctl.onecmd("status");
      while (!stop) {
        String line;
        try {
          line = io.readLine(prompt);
        } catch (CtlIO.Interrupted e) {
          ctl.output("");
          break;
        }
        stop = ctl.onecmd(line == null ? "EOF" : line);
      }
    } catch (Controller.InterruptedCommand e) {
      ctl.output("");
    }
    io.flush();
    return 0;
  }
}
