package dev.supervisor4j.ctl.command;

import dev.supervisor4j.protocol.ConfigChanges;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.xmlrpc.XmlRpcClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code reread}, {@code update}, {@code add} and {@code remove}: config changes, group by group.
 * None of them runs the upcheck (Supervisor does not), so a dead server shows up through the
 * catch-all here. {@code add} of an active group prints an error yet leaves exit status 0, and
 * {@code update} lets CANT_REREAD through to the catch-all: both as in Supervisor 4.2.5.
 *
 * <p>{@code update} of a changed group asks our daemon to replace only the processes whose config
 * changed ({@code supervisor4j.updateProcessGroup}) and prints Supervisor's lines for it; against a
 * stock supervisord it falls back to Supervisor's stop, remove, add.
 */
final class ConfigCommands {
  private ConfigCommands() {}

  static void reread(Controller ctl, String arg) {
    if (!arg.isEmpty()) {
      ctl.output("Error: reread accepts no arguments");
      ctl.setExitStatus(ExitStatus.GENERIC);
      HelpCommand.topic(ctl, "reread");
      return;
    }
    ConfigChanges changes;
    try {
      changes = Rpc.await(ctl.supervisor().reloadConfig());
    } catch (RuntimeException e) {
      ctl.setExitStatus(ExitStatus.GENERIC);
      if (Rpc.is(e, Fault.SHUTDOWN_STATE)) {
        ctl.output("ERROR: supervisor shutting down");
      } else if (Rpc.is(e, Fault.CANT_REREAD)) {
        ctl.output("ERROR: " + Rpc.faultString(e));
      } else {
        throw e;
      }
      return;
    }
    Map<String, String> what = new LinkedHashMap<>();
    put(what, changes.added(), "available");
    put(what, changes.changed(), "changed");
    put(what, changes.removed(), "disappeared");
    if (what.isEmpty()) {
      ctl.output("No config updates to processes");
      return;
    }
    List<String> names = new ArrayList<>(what.keySet());
    Collections.sort(names);
    for (String name : names) {
      ctl.output(name + ": " + what.get(name));
    }
  }

  private static void put(Map<String, String> what, List<String> names, String label) {
    for (String n : names) {
      what.put(n, label);
    }
  }

  static void update(Controller ctl, List<String> args) {
    XmlRpcClient supervisor = ctl.supervisor();
    ConfigChanges changes;
    try {
      changes = Rpc.await(supervisor.reloadConfig());
    } catch (RuntimeException e) {
      ctl.setExitStatus(ExitStatus.GENERIC);
      if (!Rpc.is(e, Fault.SHUTDOWN_STATE)) {
        throw e;
      }
      ctl.output("ERROR: already shutting down");
      return;
    }
    Set<String> valid = new LinkedHashSet<>(args);
    if (valid.contains("all")) {
      valid.clear();
    }
    if (!valid.isEmpty()) {
      Set<String> groups = new LinkedHashSet<>();
      for (ProcessInfo info : Rpc.await(supervisor.getAllProcessInfo())) {
        groups.add(info.group());
      }
      groups.addAll(changes.added());
      for (String g : valid) {
        if (!groups.contains(g)) {
          ctl.output("ERROR: no such group: " + g);
          ctl.setExitStatus(ExitStatus.GENERIC);
        }
      }
    }
    for (String g : changes.removed()) {
      if (!valid.isEmpty() && !valid.contains(g)) {
        continue;
      }
      List<ProcessResult> results = Rpc.await(supervisor.stopProcessGroup(g, true));
      ctl.output(g + ": stopped");
      boolean failed = false;
      for (ProcessResult r : results) {
        failed |= r.status() == Fault.FAILED;
      }
      if (failed) {
        ctl.output(g + ": has problems; not removing");
        ctl.setExitStatus(ExitStatus.GENERIC);
        continue;
      }
      Rpc.await(supervisor.removeProcessGroup(g));
      ctl.output(g + ": removed process group");
    }
    boolean perProcess = true;
    for (String g : changes.changed()) {
      if (!valid.isEmpty() && !valid.contains(g)) {
        continue;
      }
      if (perProcess) {
        try {
          Rpc.await(supervisor.updateProcessGroup(g));
          ctl.output(g + ": stopped");
          ctl.output(g + ": updated process group");
          continue;
        } catch (RuntimeException e) {
          if (!Rpc.is(e, Fault.UNKNOWN_METHOD)) {
            throw e;
          }
          perProcess = false; // a stock supervisord: do as its supervisorctl does
        }
      }
      Rpc.await(supervisor.stopProcessGroup(g, true));
      ctl.output(g + ": stopped");
      Rpc.await(supervisor.removeProcessGroup(g));
      Rpc.await(supervisor.addProcessGroup(g));
      ctl.output(g + ": updated process group");
    }
    for (String g : changes.added()) {
      if (!valid.isEmpty() && !valid.contains(g)) {
        continue;
      }
      Rpc.await(supervisor.addProcessGroup(g));
      ctl.output(g + ": added process group");
    }
  }

  static void add(Controller ctl, List<String> names) {
    XmlRpcClient supervisor = ctl.supervisor();
    for (String name : names) {
      try {
        Rpc.await(supervisor.addProcessGroup(name));
        ctl.output(name + ": added process group");
      } catch (RuntimeException e) {
        if (Rpc.is(e, Fault.SHUTDOWN_STATE)) {
          ctl.output("ERROR: shutting down");
          ctl.setExitStatus(ExitStatus.GENERIC);
        } else if (Rpc.is(e, Fault.ALREADY_ADDED)) {
          ctl.output("ERROR: process group already active");
        } else if (Rpc.is(e, Fault.BAD_NAME)) {
          ctl.output("ERROR: no such process/group: " + name);
          ctl.setExitStatus(ExitStatus.GENERIC);
        } else {
          ctl.setExitStatus(ExitStatus.GENERIC);
          throw e;
        }
      }
    }
  }

  static void remove(Controller ctl, List<String> names) {
    XmlRpcClient supervisor = ctl.supervisor();
    for (String name : names) {
      try {
        Rpc.await(supervisor.removeProcessGroup(name));
        ctl.output(name + ": removed process group");
      } catch (RuntimeException e) {
        ctl.setExitStatus(ExitStatus.GENERIC);
        if (Rpc.is(e, Fault.STILL_RUNNING)) {
          ctl.output("ERROR: process/group still running: " + name);
        } else if (Rpc.is(e, Fault.BAD_NAME)) {
          ctl.output("ERROR: no such process/group: " + name);
        } else {
          throw e;
        }
      }
    }
  }
}
