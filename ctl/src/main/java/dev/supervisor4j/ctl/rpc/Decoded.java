package dev.supervisor4j.ctl.rpc;

import dev.supervisor4j.ctl.compat.PyException;
import dev.supervisor4j.protocol.ConfigChanges;
import dev.supervisor4j.protocol.ConfigInfo;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.LogTail;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.ProcessState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns decoded XML-RPC values into the protocol records. Lenient about fields supervisorctl does
 * not read (a missing one becomes 0 or {@code ""}), strict about the ones it prints, so a server
 * that leaves out extras still works, as it does with the Python client.
 */
final class Decoded {
  private Decoded() {}

  static String string(Object v) {
    if (v instanceof String) {
      return (String) v;
    }
    if (v == null) {
      return "";
    }
    return String.valueOf(v);
  }

  static long number(Object v) {
    if (v instanceof Number) {
      return ((Number) v).longValue();
    }
    if (v instanceof Boolean) {
      return ((Boolean) v) ? 1 : 0;
    }
    if (v instanceof String) {
      try {
        return Long.parseLong(((String) v).trim());
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  static boolean bool(Object v) {
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    return number(v) != 0;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object v) {
    if (v instanceof List) {
      return (List<Object>) v;
    }
    throw new PyException("TypeError", "expected an array, got " + typeName(v));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> struct(Object v) {
    if (v instanceof Map) {
      return (Map<String, Object>) v;
    }
    throw new PyException("TypeError", "expected a struct, got " + typeName(v));
  }

  private static String typeName(Object v) {
    return v == null ? "nothing" : v.getClass().getSimpleName();
  }

  static ProcessInfo processInfo(Object v) {
    Map<String, Object> m = struct(v);
    int code = (int) number(m.get("state"));
    ProcessState state;
    try {
      state = ProcessState.ofCode(code);
    } catch (IllegalArgumentException e) {
      throw new PyException("ValueError", "unknown process state " + code);
    }
    return new ProcessInfo(string(m.get("name")), string(m.get("group")), number(m.get("start")),
        number(m.get("stop")), number(m.get("now")), state, string(m.get("spawnerr")),
        (int) number(m.get("exitstatus")), string(m.get("stdout_logfile")), string(m.get("stderr_logfile")),
        number(m.get("pid")), string(m.get("description")));
  }

  static List<ProcessInfo> processInfos(Object v) {
    List<Object> items = list(v);
    List<ProcessInfo> out = new ArrayList<>(items.size());
    for (Object item : items) {
      out.add(processInfo(item));
    }
    return out;
  }

  static List<ProcessResult> results(Object v) {
    List<Object> items = list(v);
    List<ProcessResult> out = new ArrayList<>(items.size());
    for (Object item : items) {
      Map<String, Object> m = struct(item);
      int code = (int) number(m.get("status"));
      String name = string(m.get("name"));
      String group = string(m.get("group"));
      Fault status;
      try {
        status = Fault.ofCode(code);
      } catch (IllegalArgumentException e) {
        // supervisorctl's result formatters raise exactly this for a code they do not know.
        throw new PyException("ValueError", "Unknown result code " + code + " for "
            + (group.equals(name) ? name : group + ":" + name));
      }
      out.add(new ProcessResult(name, group, status, string(m.get("description"))));
    }
    return out;
  }

  static ConfigChanges changes(Object v) {
    List<Object> outer = list(v);
    List<Object> three = list(outer.isEmpty() ? null : outer.get(0));
    return new ConfigChanges(strings(three.get(0)), strings(three.get(1)), strings(three.get(2)));
  }

  static List<String> strings(Object v) {
    List<Object> items = list(v);
    List<String> out = new ArrayList<>(items.size());
    for (Object item : items) {
      out.add(string(item));
    }
    return out;
  }

  static LogTail logTail(Object v) {
    List<Object> items = list(v);
    return new LogTail(string(items.get(0)), number(items.get(1)), bool(items.get(2)));
  }

  static List<ConfigInfo> configInfos(Object v) {
    List<Object> items = list(v);
    List<ConfigInfo> out = new ArrayList<>(items.size());
    for (Object item : items) {
      Map<String, Object> m = struct(item);
      List<Integer> exitcodes = new ArrayList<>();
      Object codes = m.get("exitcodes");
      if (codes instanceof List) {
        for (Object c : list(codes)) {
          exitcodes.add((int) number(c));
        }
      }
      out.add(new ConfigInfo(string(m.get("name")), string(m.get("group")), bool(m.get("inuse")),
          bool(m.get("autostart")), (int) number(m.get("group_prio")), (int) number(m.get("process_prio")),
          string(m.get("command")), string(m.get("directory")), string(m.get("uid")), exitcodes,
          bool(m.get("killasgroup")), bool(m.get("redirect_stderr")), (int) number(m.get("startretries")),
          (int) number(m.get("startsecs")), (int) number(m.get("stopsignal")), (int) number(m.get("stopwaitsecs")),
          string(m.get("serverurl")), channel(m, "stdout"), channel(m, "stderr")));
    }
    return out;
  }

  private static ConfigInfo.Channel channel(Map<String, Object> m, String prefix) {
    return new ConfigInfo.Channel(number(m.get(prefix + "_capture_maxbytes")), bool(m.get(prefix + "_events_enabled")),
        string(m.get(prefix + "_logfile")), (int) number(m.get(prefix + "_logfile_backups")),
        number(m.get(prefix + "_logfile_maxbytes")), bool(m.get(prefix + "_syslog")));
  }
}
