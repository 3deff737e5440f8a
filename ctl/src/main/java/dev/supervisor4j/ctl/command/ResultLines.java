package dev.supervisor4j.ctl.command;

import dev.supervisor4j.ctl.compat.PyException;
import dev.supervisor4j.protocol.Fault;

/**
 * The per-process result lines of start, stop, signal and clear ({@code <ns>: started},
 * {@code <ns>: ERROR (no such process)}, ...). A code a command does not expect is Supervisor's
 * {@code ValueError: Unknown result code}, shown through the catch-all.
 */
final class ResultLines {
  private ResultLines() {}

  /**
   * Supervisor's {@code make_namespec}. {@code process} may be null for a group spec, which
   * Supervisor prints as {@code None} ({@code clear g:*} shows {@code g:None: ...}).
   */
  static String namespec(String group, String process) {
    String p = process == null ? "None" : process;
    return group.equals(p) ? p : group + ":" + p;
  }

  static String start(String name, int code) {
    if (code == Fault.BAD_NAME.code()) {
      return error(name, "no such process");
    } else if (code == Fault.NO_FILE.code()) {
      return error(name, "no such file");
    } else if (code == Fault.NOT_EXECUTABLE.code()) {
      return error(name, "file is not executable");
    } else if (code == Fault.ALREADY_STARTED.code()) {
      return error(name, "already started");
    } else if (code == Fault.SPAWN_ERROR.code()) {
      return error(name, "spawn error");
    } else if (code == Fault.ABNORMAL_TERMINATION.code()) {
      return error(name, "abnormal termination");
    } else if (code == Fault.SUCCESS.code()) {
      return name + ": started";
    }
    throw unknown(code, name);
  }

  /** Signal and stop results; FAILED prints the fault description alone. */
  static String signal(String name, int code, String description, String success) {
    if (code == Fault.BAD_NAME.code()) {
      return error(name, "no such process");
    } else if (code == Fault.BAD_SIGNAL.code()) {
      return error(name, "bad signal name");
    } else if (code == Fault.NOT_RUNNING.code()) {
      return error(name, "not running");
    } else if (code == Fault.SUCCESS.code()) {
      return name + ": " + success;
    } else if (code == Fault.FAILED.code()) {
      return description;
    }
    throw unknown(code, name);
  }

  static String clear(String name, int code) {
    if (code == Fault.BAD_NAME.code()) {
      return error(name, "no such process");
    } else if (code == Fault.FAILED.code()) {
      return error(name, "failed");
    } else if (code == Fault.SUCCESS.code()) {
      return name + ": cleared";
    }
    throw unknown(code, name);
  }

  private static String error(String name, String why) {
    return name + ": ERROR (" + why + ")";
  }

  private static PyException unknown(int code, String name) {
    return new PyException("ValueError", "Unknown result code " + code + " for " + name);
  }
}
