package dev.supervisor4j.ctl.shell;

import dev.supervisor4j.ctl.command.Controller;
import dev.supervisor4j.ctl.command.CtlIO;

/**
 * The interactive loop: {@code status} first, then {@code <prompt>> } lines until {@code quit},
 * {@code exit}, end of input (which prints an empty line) or Ctrl-C (also an empty line). The exit
 * status of the shell is always 0, as Supervisor's is.
 *
 * <p>Ctrl-C while a command runs (not {@code tail -f} or {@code fg}, which catch it themselves)
 * ends the shell the same way: in Supervisor the KeyboardInterrupt leaves the command loop. Here
 * that happens on the signal thread, which is why it exits the JVM itself.
 */
public final class Shell {
  private Shell() {}

  public static int run(Controller ctl, CtlIO io) {
    String prompt = ctl.options().prompt() + "> ";
    try (AutoCloseable ignored = io.onInterrupt(new Leave(io))) {
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
    } catch (Exception e) {
      // closing the interrupt handler cannot fail in a way that matters here
    }
    io.flush();
    return 0;
  }

  /** Ctrl-C in the middle of a command: an empty line, the history saved, exit status 0. */
  private static final class Leave implements Runnable {
    private final CtlIO io;

    Leave(CtlIO io) {
      this.io = io;
    }

    @Override
    public void run() {
      io.line("");
      io.flush();
      io.close();
      Runtime.getRuntime().halt(0);
    }
  }
}
