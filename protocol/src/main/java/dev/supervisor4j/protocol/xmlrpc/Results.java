package dev.supervisor4j.protocol.xmlrpc;

import dev.supervisor4j.protocol.ConfigChanges;
import dev.supervisor4j.protocol.ConfigInfo;
import dev.supervisor4j.protocol.LogTail;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.SupervisorState;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code SupervisorApi} records as Supervisor's structs and arrays (spec §2.7), with its member
 * names in its order: clients index by name, but our byte-for-byte tests and anyone diffing
 * responses see the order too. Written out by hand, one method per shape, no reflection.
 */
final class Results {
  private Results() {}

  /** {@code {statecode, statename}}. */
  static XmlRpcValue state(SupervisorState state) {
    return XmlRpcValue.struct().put("statecode", state.code()).put("statename", state.name()).build();
  }

  /** The 14 members of {@code getProcessInfo}, in Supervisor's order. */
  static XmlRpcValue processInfo(ProcessInfo p) {
    return XmlRpcValue.struct()
        .put("name", p.name())
        .put("group", p.group())
        // Supervisor clamps the three times to the int32 range (capped_int).
        .put("start", clampInt32(p.start()))
        .put("stop", clampInt32(p.stop()))
        .put("now", clampInt32(p.now()))
        .put("state", p.state().code())
        .put("statename", p.state().name())
        .put("spawnerr", p.spawnErr())
        .put("exitstatus", p.exitStatus())
        .put("logfile", p.stdoutLogfile()) // legacy alias of stdout_logfile
        .put("stdout_logfile", p.stdoutLogfile())
        .put("stderr_logfile", p.stderrLogfile())
        .put("pid", p.pid())
        .put("description", p.description())
        .build();
  }

  static XmlRpcValue processInfos(List<ProcessInfo> infos) {
    List<XmlRpcValue> out = new ArrayList<>(infos.size());
    for (ProcessInfo p : infos) {
      out.add(processInfo(p));
    }
    return new XmlRpcValue.Array(out);
  }

  /** The 29 keys of one {@code getAllConfigInfo} entry, in Supervisor's order. */
  static XmlRpcValue configInfo(ConfigInfo c) {
    List<XmlRpcValue> exitcodes = new ArrayList<>(c.exitcodes().size());
    for (Integer code : c.exitcodes()) {
      exitcodes.add(XmlRpcValue.of(code));
    }
    XmlRpcValue.StructBuilder s = XmlRpcValue.struct()
        .put("autostart", c.autostart())
        .put("directory", c.directory())
        .put("uid", uid(c.uid()))
        .put("command", c.command())
        .put("exitcodes", new XmlRpcValue.Array(exitcodes))
        .put("group", c.group())
        .put("group_prio", c.groupPrio())
        .put("inuse", c.inuse())
        .put("killasgroup", c.killasgroup())
        .put("name", c.name())
        .put("process_prio", c.processPrio())
        .put("redirect_stderr", c.redirectStderr())
        .put("startretries", c.startretries())
        .put("startsecs", c.startsecs());
    channel(s, "stdout", c.stdout());
    s.put("stopsignal", c.stopsignal()).put("stopwaitsecs", c.stopwaitsecs());
    channel(s, "stderr", c.stderr());
    return s.put("serverurl", c.serverurl()).build();
  }

  static XmlRpcValue configInfos(List<ConfigInfo> infos) {
    List<XmlRpcValue> out = new ArrayList<>(infos.size());
    for (ConfigInfo c : infos) {
      out.add(configInfo(c));
    }
    return new XmlRpcValue.Array(out);
  }

  private static void channel(XmlRpcValue.StructBuilder s, String prefix, ConfigInfo.Channel ch) {
    // Values above 2^31-1 (stdout_logfile_maxbytes=3GB) go out as <i8>; Supervisor answers HTTP 500.
    s.put(prefix + "_capture_maxbytes", ch.captureMaxbytes())
        .put(prefix + "_events_enabled", ch.eventsEnabled())
        .put(prefix + "_logfile", ch.logfile())
        .put(prefix + "_logfile_backups", ch.logfileBackups())
        .put(prefix + "_logfile_maxbytes", ch.logfileMaxbytes())
        .put(prefix + "_syslog", ch.syslog());
  }

  /** Supervisor sends a numeric uid as an int, an unset one as the string {@code none}. */
  private static XmlRpcValue uid(String uid) {
    boolean numeric = !uid.isEmpty() && uid.length() < 19 && uid.chars().allMatch(c -> c >= '0' && c <= '9');
    return numeric ? XmlRpcValue.of(Long.parseLong(uid)) : XmlRpcValue.of(uid);
  }

  /** {@code {name, group, status, description}} per entry. */
  static XmlRpcValue processResults(List<ProcessResult> results) {
    List<XmlRpcValue> out = new ArrayList<>(results.size());
    for (ProcessResult r : results) {
      out.add(XmlRpcValue.struct()
          .put("name", r.name())
          .put("group", r.group())
          .put("status", r.status().code())
          .put("description", r.description())
          .build());
    }
    return new XmlRpcValue.Array(out);
  }

  /** {@code [data, offset, overflow]}. */
  static XmlRpcValue logTail(LogTail tail) {
    return XmlRpcValue.array(XmlRpcValue.of(tail.data()), XmlRpcValue.of(tail.offset()),
        XmlRpcValue.of(tail.overflow()));
  }

  /** {@code [[added, changed, removed]]}: one element holding three arrays of group names. */
  static XmlRpcValue configChanges(ConfigChanges changes) {
    return XmlRpcValue.array(XmlRpcValue.array(names(changes.added()), names(changes.changed()),
        names(changes.removed())));
  }

  static XmlRpcValue names(List<String> names) {
    List<XmlRpcValue> out = new ArrayList<>(names.size());
    for (String n : names) {
      out.add(XmlRpcValue.of(n));
    }
    return new XmlRpcValue.Array(out);
  }

  static long clampInt32(long v) {
    return Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
  }
}
