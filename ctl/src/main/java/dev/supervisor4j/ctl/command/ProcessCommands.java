package dev.supervisor4j.ctl.command;

import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.NameSpec;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.xmlrpc.XmlRpcClient;
import java.util.List;

/**
 * {@code start}, {@code stop}, {@code restart}, {@code signal} and {@code clear}: {@code all} goes
 * to the *All* method, {@code g:*} to the group method, a name to the single one. A fault on a
 * single name is printed like a group result. Exit statuses follow Supervisor's fault table
 * (start ignores ALREADY_STARTED, stop ignores NOT_RUNNING); the odd ones are kept: an unknown
 * group is exit 2 for start but 1 for stop and signal.
 */
final class ProcessCommands {
  private ProcessCommands() {}

  static void start(Controller ctl, List<String> names) {
    if (!ctl.upcheck()) {
      return;
    }
    XmlRpcClient supervisor = ctl.supervisor();
    if (names.isEmpty()) {
      ctl.output("Error: start requires a process name");
      ctl.setExitStatus(ExitStatus.INVALID_ARGS);
      HelpCommand.topic(ctl, "start");
      return;
    }
    if (names.contains("all")) {
      for (ProcessResult r : Rpc.await(supervisor.startAllProcesses(true))) {
        startResult(ctl, r.group(), r.name(), r.status().code());
      }
      return;
    }
    for (String name : names) {
      NameSpec spec = NameSpec.parse(name);
      if (spec.isGroup()) {
        try {
          for (ProcessResult r : Rpc.await(supervisor.startProcessGroup(spec.group(), true))) {
            startResult(ctl, r.group(), r.name(), r.status().code());
          }
        } catch (RuntimeException e) {
          if (!Rpc.is(e, Fault.BAD_NAME)) {
            ctl.setExitStatus(ExitStatus.GENERIC);
            throw e;
          }
          ctl.output(spec.group() + ": ERROR (no such group)");
          ctl.setExitStatus(ExitStatus.INVALID_ARGS);
        }
        continue;
      }
      try {
        Rpc.await(supervisor.startProcess(name, true));
        ctl.output(ResultLines.namespec(spec.group(), spec.process()) + ": started");
      } catch (RuntimeException e) {
        int code = faultOrRethrow(e);
        startResult(ctl, spec.group(), spec.process(), code);
      }
    }
  }

  private static void startResult(Controller ctl, String group, String process, int code) {
    ctl.output(ResultLines.start(ResultLines.namespec(group, process), code));
    ctl.setExitStatusFromFault(code, Fault.ALREADY_STARTED);
  }

  static void stop(Controller ctl, List<String> names) {
    if (!ctl.upcheck()) {
      return;
    }
    XmlRpcClient supervisor = ctl.supervisor();
    if (names.isEmpty()) {
      ctl.output("Error: stop requires a process name");
      ctl.setExitStatus(ExitStatus.GENERIC);
      HelpCommand.topic(ctl, "stop");
      return;
    }
    if (names.contains("all")) {
      for (ProcessResult r : Rpc.await(supervisor.stopAllProcesses(true))) {
        signalResult(ctl, r, Fault.NOT_RUNNING, "stopped");
      }
      return;
    }
    for (String name : names) {
      NameSpec spec = NameSpec.parse(name);
      if (spec.isGroup()) {
        try {
          for (ProcessResult r : Rpc.await(supervisor.stopProcessGroup(spec.group(), true))) {
            signalResult(ctl, r, Fault.NOT_RUNNING, "stopped");
          }
        } catch (RuntimeException e) {
          ctl.setExitStatus(ExitStatus.GENERIC);
          if (!Rpc.is(e, Fault.BAD_NAME)) {
            throw e;
          }
          ctl.output(spec.group() + ": ERROR (no such group)");
        }
        continue;
      }
      try {
        Rpc.await(supervisor.stopProcess(name, true));
        ctl.output(ResultLines.namespec(spec.group(), spec.process()) + ": stopped");
      } catch (RuntimeException e) {
        int code = faultOrRethrow(e);
        ctl.output(ResultLines.signal(ResultLines.namespec(spec.group(), spec.process()), code,
            Rpc.faultString(e), "stopped"));
        ctl.setExitStatusFromFault(code, Fault.NOT_RUNNING);
      }
    }
  }

  /** Three upchecks in all (its own, stop's, start's), as in Supervisor. */
  static void restart(Controller ctl, List<String> names) {
    if (!ctl.upcheck()) {
      return;
    }
    if (names.isEmpty()) {
      ctl.output("Error: restart requires a process name");
      ctl.setExitStatus(ExitStatus.GENERIC);
      HelpCommand.topic(ctl, "restart");
      return;
    }
    stop(ctl, names);
    start(ctl, names);
  }

  static void signal(Controller ctl, List<String> args) {
    if (!ctl.upcheck()) {
      return;
    }
    if (args.size() < 2) {
      ctl.output("Error: signal requires a signal name and a process name");
      HelpCommand.topic(ctl, "signal");
      ctl.setExitStatus(ExitStatus.GENERIC);
      return;
    }
    String sig = args.get(0);
    List<String> names = args.subList(1, args.size());
    XmlRpcClient supervisor = ctl.supervisor();
    if (names.contains("all")) {
      for (ProcessResult r : Rpc.await(supervisor.signalAllProcesses(sig))) {
        signalResult(ctl, r, null, "signalled");
      }
      return;
    }
    for (String name : names) {
      NameSpec spec = NameSpec.parse(name);
      if (spec.isGroup()) {
        try {
          for (ProcessResult r : Rpc.await(supervisor.signalProcessGroup(spec.group(), sig))) {
            signalResult(ctl, r, null, "signalled");
          }
        } catch (RuntimeException e) {
          if (!Rpc.is(e, Fault.BAD_NAME)) {
            throw e;
          }
          ctl.output(spec.group() + ": ERROR (no such group)");
          ctl.setExitStatus(ExitStatus.GENERIC);
        }
        continue;
      }
      try {
        Rpc.await(supervisor.signalProcess(name, sig));
        ctl.output(ResultLines.namespec(spec.group(), spec.process()) + ": signalled");
      } catch (RuntimeException e) {
        int code = faultOrRethrow(e);
        ctl.output(ResultLines.signal(ResultLines.namespec(spec.group(), spec.process()), code,
            Rpc.faultString(e), "signalled"));
        ctl.setExitStatusFromFault(code, null);
      }
    }
  }

  private static void signalResult(Controller ctl, ProcessResult r, Fault ignored, String success) {
    int code = r.status().code();
    ctl.output(ResultLines.signal(ResultLines.namespec(r.group(), r.name()), code, r.description(), success));
    ctl.setExitStatusFromFault(code, ignored);
  }

  static void clear(Controller ctl, List<String> names) {
    if (!ctl.upcheck()) {
      return;
    }
    if (names.isEmpty()) {
      ctl.output("Error: clear requires a process name");
      ctl.setExitStatus(ExitStatus.GENERIC);
      HelpCommand.topic(ctl, "clear");
      return;
    }
    XmlRpcClient supervisor = ctl.supervisor();
    if (names.contains("all")) {
      for (ProcessResult r : Rpc.await(supervisor.clearAllProcessLogs())) {
        int code = r.status().code();
        ctl.output(ResultLines.clear(ResultLines.namespec(r.group(), r.name()), code));
        ctl.setExitStatusFromFault(code, null);
      }
      return;
    }
    for (String name : names) {
      NameSpec spec = NameSpec.parse(name);
      try {
        Rpc.await(supervisor.clearProcessLogs(name));
        ctl.output(ResultLines.namespec(spec.group(), spec.process()) + ": cleared");
      } catch (RuntimeException e) {
        int code = faultOrRethrow(e);
        ctl.output(ResultLines.clear(ResultLines.namespec(spec.group(), spec.process()), code));
        ctl.setExitStatusFromFault(code, null);
      }
    }
  }

  /** The fault code of {@code e}; anything that is not a fault goes on to the catch-all. */
  private static int faultOrRethrow(RuntimeException e) {
    int code = Rpc.faultCode(e);
    if (code < 0) {
      throw e;
    }
    return code;
  }
}
