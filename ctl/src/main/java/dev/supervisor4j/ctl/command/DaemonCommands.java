package dev.supervisor4j.ctl.command;

import dev.supervisor4j.ctl.compat.PyException;
import dev.supervisor4j.ctl.compat.PyUrl;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.python.PyStr;

/**
 * {@code shutdown}, {@code reload} and {@code open}: the daemon as a whole. The shell asks before
 * shutting down or restarting (anything but an answer starting with y/Y keeps it running). Quirks
 * kept from 4.2.5: {@code shutdown} during a shutdown says so and exits 0, {@code reload} exits 1.
 */
final class DaemonCommands {
  private DaemonCommands() {}

  static void shutdown(Controller ctl, String arg) {
    if (!arg.isEmpty()) {
      ctl.output("Error: shutdown accepts no arguments");
      ctl.setExitStatus(ExitStatus.GENERIC);
      HelpCommand.topic(ctl, "shutdown");
      return;
    }
    if (ctl.options().interactive() && !confirm(ctl, "Really shut the remote supervisord process down y/N? ")) {
      return;
    }
    try {
      Rpc.await(ctl.supervisor().shutdown());
    } catch (PyException e) {
      ctl.setExitStatus(ExitStatus.GENERIC);
      if (e.errno() == PyException.ECONNREFUSED) {
        ctl.output("ERROR: " + ctl.options().serverurl() + " refused connection (already shut down?)");
      } else if (e.errno() == PyException.ENOENT) {
        ctl.output("ERROR: " + ctl.options().serverurl() + " no such file (already shut down?)");
      } else {
        throw e;
      }
      return;
    } catch (RuntimeException e) {
      if (!Rpc.is(e, Fault.SHUTDOWN_STATE)) {
        if (Rpc.faultCode(e) >= 0) {
          ctl.setExitStatus(ExitStatus.GENERIC);
        }
        throw e;
      }
      ctl.output("ERROR: already shutting down");
      return;
    }
    ctl.output("Shut down");
  }

  static void reload(Controller ctl, String arg) {
    if (!arg.isEmpty()) {
      ctl.output("Error: reload accepts no arguments");
      ctl.setExitStatus(ExitStatus.GENERIC);
      HelpCommand.topic(ctl, "reload");
      return;
    }
    if (ctl.options().interactive() && !confirm(ctl, "Really restart the remote supervisord process y/N? ")) {
      return;
    }
    try {
      Rpc.await(ctl.supervisor().restart());
    } catch (RuntimeException e) {
      if (Rpc.faultCode(e) < 0) {
        throw e;
      }
      ctl.setExitStatus(ExitStatus.GENERIC);
      if (!Rpc.is(e, Fault.SHUTDOWN_STATE)) {
        throw e;
      }
      ctl.output("ERROR: already shutting down");
      return;
    }
    ctl.output("Restarted supervisord");
  }

  /** Python's {@code raw_input}: end of input is an EOFError, which the catch-all reports. */
  private static boolean confirm(Controller ctl, String question) {
    String answer;
    try {
      answer = ctl.io().readLine(question);
    } catch (CtlIO.Interrupted e) {
      throw new Controller.InterruptedCommand();
    }
    if (answer == null) {
      throw new PyException("EOFError", "EOF when reading a line");
    }
    return answer.toLowerCase(java.util.Locale.ROOT).startsWith("y");
  }

  /** Points the session at another server and shows its status; the exit status stays as it was. */
  static void open(Controller ctl, String arg) {
    String url = PyStr.strip(arg);
    String scheme = PyUrl.split(url).scheme();
    if (!scheme.equals("unix") && !scheme.equals("http")) {
      ctl.output("ERROR: url must be http:// or unix://");
      ctl.setExitStatus(ExitStatus.GENERIC);
      return;
    }
    ctl.options().setServerurl(url);
    int before = ctl.exitStatus();
    InfoCommands.status(ctl, java.util.List.of());
    ctl.setExitStatus(before);
  }
}
