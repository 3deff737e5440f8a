package dev.supervisor4j.ctl.command;

import dev.supervisor4j.protocol.ConfigInfo;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.NameSpec;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.xmlrpc.XmlRpcClient;
import java.util.ArrayList;
import java.util.List;

/** {@code status}, {@code pid}, {@code version} and {@code avail}: commands that only read. */
final class InfoCommands {
  private InfoCommands() {}

  /**
   * Always fetches every process and filters here, as Supervisor does; names are shown in argument
   * order. Exit 4 for an unknown name, 3 when a shown process is stopped, whichever comes last.
   */
  static void status(Controller ctl, List<String> names) {
    if (!ctl.upcheck()) {
      // Supervisor overrides whatever the upcheck set: status reports "unknown" as 4.
      ctl.setExitStatus(ExitStatus.UNKNOWN_STATUS);
      return;
    }
    List<ProcessInfo> all = Rpc.await(ctl.supervisor().getAllProcessInfo());
    List<ProcessInfo> matching;
    if (names.isEmpty() || names.contains("all")) {
      matching = all;
    } else {
      matching = new ArrayList<>();
      for (String name : names) {
        NameSpec spec = NameSpec.parse(name);
        boolean found = false;
        for (ProcessInfo info : all) {
          if (info.group().equals(spec.group()) && (spec.isGroup() || info.name().equals(spec.process()))) {
            found = true;
            matching.add(info);
          }
        }
        if (!found) {
          ctl.output(spec.isGroup() ? spec.group() + ": ERROR (no such group)" : name + ": ERROR (no such process)");
          ctl.setExitStatus(ExitStatus.UNKNOWN_STATUS);
        }
      }
    }
    for (String line : StatusTable.lines(matching)) {
      ctl.output(line);
    }
    for (ProcessInfo info : matching) {
      if (info.state().isStopped()) {
        ctl.setExitStatus(ExitStatus.NOT_RUNNING_STATUS);
      }
    }
  }

  /** supervisord's pid, {@code all} pids (0 for stopped ones), or named ones (exit 7 for a 0 pid). */
  static void pid(Controller ctl, List<String> names) {
    XmlRpcClient supervisor = ctl.supervisor(); // built before the upcheck, as in Supervisor
    if (!ctl.upcheck()) {
      return;
    }
    if (names.isEmpty()) {
      ctl.output(Long.toString(Rpc.await(supervisor.getPID())));
    } else if (names.contains("all")) {
      for (ProcessInfo info : Rpc.await(supervisor.getAllProcessInfo())) {
        ctl.output(Long.toString(info.pid()));
      }
    } else {
      for (String name : names) {
        ProcessInfo info;
        try {
          info = Rpc.await(supervisor.getProcessInfo(name));
        } catch (RuntimeException e) {
          ctl.setExitStatus(ExitStatus.GENERIC);
          if (!Rpc.is(e, Fault.BAD_NAME)) {
            throw e;
          }
          ctl.output("No such process " + name);
          continue;
        }
        ctl.output(Long.toString(info.pid()));
        if (info.pid() == 0) {
          ctl.setExitStatus(ExitStatus.NOT_RUNNING);
        }
      }
    }
  }

  static void version(Controller ctl, String arg) {
    if (!arg.isEmpty()) {
      ctl.output("Error: version accepts no arguments");
      ctl.setExitStatus(ExitStatus.GENERIC);
      HelpCommand.topic(ctl, "version");
      return;
    }
    if (!ctl.upcheck()) {
      return;
    }
    ctl.output(Rpc.await(ctl.supervisor().getSupervisorVersion()));
  }

  /** Every configured process: {@code %-32s %-9s %-9s %s} of name, in use/avail, auto/manual, priorities. */
  static void avail(Controller ctl, String arg) {
    if (!arg.isEmpty()) {
      ctl.output("Error: avail accepts no arguments");
      ctl.setExitStatus(ExitStatus.GENERIC);
      HelpCommand.topic(ctl, "avail");
      return;
    }
    List<ConfigInfo> infos;
    try {
      infos = Rpc.await(ctl.supervisor().getAllConfigInfo());
    } catch (RuntimeException e) {
      ctl.setExitStatus(ExitStatus.GENERIC);
      if (!Rpc.is(e, Fault.SHUTDOWN_STATE)) {
        throw e;
      }
      ctl.output("ERROR: supervisor shutting down");
      return;
    }
    for (ConfigInfo c : infos) {
      ctl.output(StatusTable.pad(NameSpec.display(c.group(), c.name()), 32) + " "
          + StatusTable.pad(c.inuse() ? "in use" : "avail", 9) + " "
          + StatusTable.pad(c.autostart() ? "auto" : "manual", 9) + " "
          + c.groupPrio() + ":" + c.processPrio());
    }
  }
}
