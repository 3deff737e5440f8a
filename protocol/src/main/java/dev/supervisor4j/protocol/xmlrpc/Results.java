package dev.supervisor4j.protocol.xmlrpc;

import dev.supervisor4j.protocol.ConfigChanges;
import dev.supervisor4j.protocol.ConfigInfo;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.LogTail;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.SupervisorState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code SupervisorApi} records as Supervisor's structs and arrays (spec §2.7), with its member
 * names in its order: clients index by name, but our byte-for-byte tests and anyone diffing
 * responses see the order too. Written out by hand, one method per shape, no reflection.
 *
 * <p>Each encoder has its inverse, {@code readX}, for the client ({@link XmlRpcClient}). The
 * readers are lenient about members supervisorctl does not print (a missing one reads as 0 or
 * {@code ""}, a number sent as a string is parsed) and strict about the shape: an array or struct
 * where none is sent fails with a {@link ClientError} (TypeError), an unknown process state or
 * result code with one (ValueError), as Supervisor's supervisorctl fails on them too.
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

  // ---- the client's side: the inverse of each encoder above -----------------------------------

  static String readString(XmlRpcValue v) {
    if (v instanceof XmlRpcValue.Str s) {
      return s.value();
    }
    Object plain = plain(v);
    return plain == null ? "" : String.valueOf(plain);
  }

  static Boolean readBool(XmlRpcValue v) {
    return v instanceof XmlRpcValue.Bool b ? b.value() : readLong(v) != 0;
  }

  /** An integer; a boolean is 1 or 0, a double is truncated, a numeric string is parsed, else 0. */
  static Long readLong(XmlRpcValue v) {
    if (v instanceof XmlRpcValue.Int i) {
      return i.value();
    }
    if (v instanceof XmlRpcValue.Real r) {
      return (long) r.value();
    }
    if (v instanceof XmlRpcValue.Bool b) {
      return b.value() ? 1L : 0L;
    }
    if (v instanceof XmlRpcValue.Str || v instanceof XmlRpcValue.Base64 || v instanceof XmlRpcValue.DateTime) {
      try {
        return Long.parseLong(readString(v).trim());
      } catch (NumberFormatException e) {
        return 0L;
      }
    }
    return 0L;
  }

  private static int readInt(XmlRpcValue v) {
    return (int) (long) readLong(v);
  }

  /** The elements of an array (a mutable copy); TypeError for anything else. */
  static List<XmlRpcValue> readList(XmlRpcValue v) {
    if (v instanceof XmlRpcValue.Array a) {
      return new ArrayList<>(a.values());
    }
    throw new ClientError("TypeError", "expected an array, got " + typeName(v));
  }

  /** The members of a struct; TypeError for anything else. */
  static Map<String, XmlRpcValue> readStruct(XmlRpcValue v) {
    if (v instanceof XmlRpcValue.Struct s) {
      return s.members();
    }
    throw new ClientError("TypeError", "expected a struct, got " + typeName(v));
  }

  /** The name of the Java type a value reads as, in the TypeError texts. */
  private static String typeName(XmlRpcValue v) {
    if (v == null || v instanceof XmlRpcValue.Nil) {
      return "nothing";
    }
    return plain(v).getClass().getSimpleName();
  }

  /** A value as plain Java (String, Long, Boolean, Double, List, Map); null for nil or absent. */
  private static Object plain(XmlRpcValue v) {
    if (v instanceof XmlRpcValue.Str s) {
      return s.value();
    } else if (v instanceof XmlRpcValue.Int i) {
      return i.value();
    } else if (v instanceof XmlRpcValue.Bool b) {
      return b.value();
    } else if (v instanceof XmlRpcValue.Real r) {
      return r.value();
    } else if (v instanceof XmlRpcValue.Base64 b) {
      return new String(b.bytes(), StandardCharsets.UTF_8);
    } else if (v instanceof XmlRpcValue.DateTime d) {
      return d.value().toString();
    } else if (v instanceof XmlRpcValue.Array a) {
      List<Object> out = new ArrayList<>(a.size());
      for (XmlRpcValue item : a.values()) {
        out.add(plain(item));
      }
      return out;
    } else if (v instanceof XmlRpcValue.Struct s) {
      Map<String, Object> out = new LinkedHashMap<>();
      s.members().forEach((key, value) -> out.put(key, plain(value)));
      return out;
    }
    return null;
  }

  static SupervisorState readState(XmlRpcValue v) {
    return SupervisorState.ofCode(readInt(readStruct(v).get("statecode")));
  }

  static ProcessInfo readProcessInfo(XmlRpcValue v) {
    Map<String, XmlRpcValue> m = readStruct(v);
    int code = readInt(m.get("state"));
    ProcessState state;
    try {
      state = ProcessState.ofCode(code);
    } catch (IllegalArgumentException e) {
      throw new ClientError("ValueError", "unknown process state " + code);
    }
    return new ProcessInfo(readString(m.get("name")), readString(m.get("group")), readLong(m.get("start")),
        readLong(m.get("stop")), readLong(m.get("now")), state, readString(m.get("spawnerr")),
        readInt(m.get("exitstatus")), readString(m.get("stdout_logfile")), readString(m.get("stderr_logfile")),
        readLong(m.get("pid")), readString(m.get("description")));
  }

  static List<ProcessInfo> readProcessInfos(XmlRpcValue v) {
    List<XmlRpcValue> items = readList(v);
    List<ProcessInfo> out = new ArrayList<>(items.size());
    for (XmlRpcValue item : items) {
      out.add(readProcessInfo(item));
    }
    return out;
  }

  static List<ConfigInfo> readConfigInfos(XmlRpcValue v) {
    List<XmlRpcValue> items = readList(v);
    List<ConfigInfo> out = new ArrayList<>(items.size());
    for (XmlRpcValue item : items) {
      Map<String, XmlRpcValue> m = readStruct(item);
      List<Integer> exitcodes = new ArrayList<>();
      if (m.get("exitcodes") instanceof XmlRpcValue.Array codes) {
        for (XmlRpcValue c : codes.values()) {
          exitcodes.add(readInt(c));
        }
      }
      out.add(new ConfigInfo(readString(m.get("name")), readString(m.get("group")), readBool(m.get("inuse")),
          readBool(m.get("autostart")), readInt(m.get("group_prio")), readInt(m.get("process_prio")),
          readString(m.get("command")), readString(m.get("directory")), readString(m.get("uid")), exitcodes,
          readBool(m.get("killasgroup")), readBool(m.get("redirect_stderr")), readInt(m.get("startretries")),
          readInt(m.get("startsecs")), readInt(m.get("stopsignal")), readInt(m.get("stopwaitsecs")),
          readString(m.get("serverurl")), readChannel(m, "stdout"), readChannel(m, "stderr")));
    }
    return out;
  }

  private static ConfigInfo.Channel readChannel(Map<String, XmlRpcValue> m, String prefix) {
    return new ConfigInfo.Channel(readLong(m.get(prefix + "_capture_maxbytes")),
        readBool(m.get(prefix + "_events_enabled")), readString(m.get(prefix + "_logfile")),
        readInt(m.get(prefix + "_logfile_backups")), readLong(m.get(prefix + "_logfile_maxbytes")),
        readBool(m.get(prefix + "_syslog")));
  }

  /** ValueError for a status code supervisorctl's result formatters do not know, in their words. */
  static List<ProcessResult> readProcessResults(XmlRpcValue v) {
    List<XmlRpcValue> items = readList(v);
    List<ProcessResult> out = new ArrayList<>(items.size());
    for (XmlRpcValue item : items) {
      Map<String, XmlRpcValue> m = readStruct(item);
      int code = readInt(m.get("status"));
      String name = readString(m.get("name"));
      String group = readString(m.get("group"));
      Fault status;
      try {
        status = Fault.ofCode(code);
      } catch (IllegalArgumentException e) {
        throw new ClientError("ValueError", "Unknown result code " + code + " for "
            + (group.equals(name) ? name : group + ":" + name));
      }
      out.add(new ProcessResult(name, group, status, readString(m.get("description"))));
    }
    return out;
  }

  static LogTail readLogTail(XmlRpcValue v) {
    List<XmlRpcValue> items = readList(v);
    return new LogTail(readString(items.get(0)), readLong(items.get(1)), readBool(items.get(2)));
  }

  static ConfigChanges readConfigChanges(XmlRpcValue v) {
    List<XmlRpcValue> outer = readList(v);
    List<XmlRpcValue> three = readList(outer.isEmpty() ? null : outer.get(0));
    return new ConfigChanges(readNames(three.get(0)), readNames(three.get(1)), readNames(three.get(2)));
  }

  static List<String> readNames(XmlRpcValue v) {
    List<XmlRpcValue> items = readList(v);
    List<String> out = new ArrayList<>(items.size());
    for (XmlRpcValue item : items) {
      out.add(readString(item));
    }
    return out;
  }
}
