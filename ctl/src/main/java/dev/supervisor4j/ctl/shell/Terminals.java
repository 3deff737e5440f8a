package dev.supervisor4j.ctl.shell;

import dev.supervisor4j.ctl.command.Controller;
import dev.supervisor4j.ctl.command.CtlIO;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Picks the shell's input: JLine when stdin and stdout are a terminal (as Python uses readline
 * only then), the plain streams otherwise. JLine failing to start is not fatal: the shell falls
 * back to plain lines.
 */
public final class Terminals {
  private Terminals() {}

  /** The shell's input: JLine on a terminal, else {@code plain}. Close it when the shell ends. */
  public static CtlIO forShell(Controller ctl, CtlIO plain, InputStream in, OutputStream out, OutputStream err,
      boolean tty) {
    if (!tty) {
      return plain;
    }
    try {
      return new JLineIO(in, out, err, ctl, ctl.options().historyFile());
    } catch (Exception | LinkageError e) {
      return plain;
    }
  }
}
