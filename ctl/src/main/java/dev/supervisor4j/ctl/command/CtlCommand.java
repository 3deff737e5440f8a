package dev.supervisor4j.ctl.command;

import dev.supervisor4j.protocol.python.PyStr;
import java.util.List;

/**
 * One parsed supervisorctl line. Each action is a record holding what Supervisor's
 * {@code do_<action>(arg)} receives: the argument text after the action name, stripped. Arguments
 * are validated when the command runs, not here, because Supervisor checks some of them only after
 * contacting the server ({@code tail} with too many arguments first runs the upcheck), and both
 * the output and the exit status show that order.
 */
public sealed interface CtlCommand {
  /**
   * Runs the command.
   *
   * @return true when the shell should stop ({@code quit}, {@code exit}, {@code EOF})
   */
  boolean run(Controller ctl);

  /** The words of the argument, split like Python's {@code arg.split()}. */
  default List<String> words(String arg) {
    return PyStr.split(arg);
  }

  /** A blank line: does nothing (it must not repeat the last command). */
  record Empty() implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      return false;
    }
  }

  /** A line naming no action: {@code *** Unknown syntax: <line>}, exit status 1. */
  record Unknown(String line) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      ctl.output("*** Unknown syntax: " + line);
      ctl.setExitStatus(ExitStatus.GENERIC);
      return false;
    }
  }

  record Status(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      InfoCommands.status(ctl, words(arg));
      return false;
    }
  }

  /** supervisor4j's own: {@code history [name] [-n N]} (not in {@code help}'s list, which stays Supervisor's). */
  record History(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      HistoryCommand.history(ctl, words(arg));
      return false;
    }
  }

  record Pid(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      InfoCommands.pid(ctl, words(arg));
      return false;
    }
  }

  record Version(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      InfoCommands.version(ctl, arg);
      return false;
    }
  }

  record Avail(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      InfoCommands.avail(ctl, arg);
      return false;
    }
  }

  record Start(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      ProcessCommands.start(ctl, words(arg));
      return false;
    }
  }

  record Stop(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      ProcessCommands.stop(ctl, words(arg));
      return false;
    }
  }

  record Restart(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      ProcessCommands.restart(ctl, words(arg));
      return false;
    }
  }

  record Signal(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      ProcessCommands.signal(ctl, words(arg));
      return false;
    }
  }

  record Clear(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      ProcessCommands.clear(ctl, words(arg));
      return false;
    }
  }

  record Tail(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      LogCommands.tail(ctl, words(arg));
      return false;
    }
  }

  record Maintail(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      LogCommands.maintail(ctl, words(arg));
      return false;
    }
  }

  record Fg(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      ForegroundCommand.fg(ctl, words(arg));
      return false;
    }
  }

  record Reread(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      ConfigCommands.reread(ctl, arg);
      return false;
    }
  }

  record Update(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      ConfigCommands.update(ctl, words(arg));
      return false;
    }
  }

  record Add(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      ConfigCommands.add(ctl, words(arg));
      return false;
    }
  }

  record Remove(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      ConfigCommands.remove(ctl, words(arg));
      return false;
    }
  }

  record Shutdown(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      DaemonCommands.shutdown(ctl, arg);
      return false;
    }
  }

  record Reload(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      DaemonCommands.reload(ctl, arg);
      return false;
    }
  }

  record Open(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      DaemonCommands.open(ctl, arg);
      return false;
    }
  }

  record Help(String arg) implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      HelpCommand.help(ctl, arg);
      return false;
    }
  }

  /** {@code quit}, {@code exit} and end of input: an empty line, then the shell stops. */
  record Quit() implements CtlCommand {
    @Override
    public boolean run(Controller ctl) {
      ctl.output("");
      return true;
    }
  }
}
