package dev.supervisor4j.protocol.xmlrpc;

import dev.supervisor4j.protocol.HistoryEntry;
import dev.supervisor4j.protocol.HistorySummary;
import dev.supervisor4j.protocol.ProcessState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code history.*} entries of the method table: our own namespace over the ledger, not
 * Supervisor's. Times go out as whole seconds ({@code time}, as Supervisor's own structs) plus the
 * milliseconds within it ({@code millis}), so ordering inside a second is kept. Each encoder has
 * its inverse for the client, lenient as {@link Results}' readers: an unknown state name reads as
 * UNKNOWN, an unknown kind as a daemon event.
 */
final class HistoryMethods {
  private HistoryMethods() {}

  /** The number of entries returned when no limit (or 0) is given. */
  static final int DEFAULT_LIMIT = 100;

  static List<RpcMethod> all() {
    List<RpcMethod> m = new ArrayList<>();
    m.add(new RpcMethod("history.getProcessHistory", List.of("array", "string", "int", "int"),
        "Return a process's recorded state changes and the operator actions on it, oldest first: "
            + "the newest limit entries (default " + DEFAULT_LIMIT + ") since the given epoch second.",
        1, 3, Decoder.HISTORY_ENTRIES));
    m.add(new RpcMethod("history.getActions", List.of("array", "int", "int"),
        "Return operator actions and daemon events, oldest first: the newest limit entries "
            + "(default " + DEFAULT_LIMIT + ") since the given epoch second.",
        0, 2, Decoder.HISTORY_ENTRIES));
    m.add(new RpcMethod("history.getSummary", List.of("array"),
        "Return, per process with history, its start count, unexpected exits and last exit.",
        0, 0, Decoder.HISTORY_SUMMARIES));
    return m;
  }

  /** The server's body of each entry (see {@link RpcMethods#handler}). */
  static RpcMethod.Handler handler(String name) {
    return switch (name) {
      case "history.getProcessHistory" -> (d, a) -> d.api()
          .getProcessHistory(a.string(0), optional(a, 1, 0), limit(a, 2)).thenApply(HistoryMethods::entries);
      case "history.getActions" ->
          (d, a) -> d.api().getActions(optional(a, 0, 0), limit(a, 1)).thenApply(HistoryMethods::entries);
      case "history.getSummary" -> (d, a) -> d.api().getHistorySummary().thenApply(HistoryMethods::summaries);
      default -> null;
    };
  }

  private static long optional(Args a, int index, long dflt) {
    return index < a.size() ? a.integer(index) : dflt;
  }

  private static int limit(Args a, int index) {
    long n = optional(a, index, 0);
    return n <= 0 ? DEFAULT_LIMIT : (int) Math.min(n, Integer.MAX_VALUE);
  }

  static XmlRpcValue entries(List<HistoryEntry> entries) {
    List<XmlRpcValue> out = new ArrayList<>(entries.size());
    for (HistoryEntry e : entries) {
      out.add(entry(e));
    }
    return new XmlRpcValue.Array(out);
  }

  static XmlRpcValue entry(HistoryEntry e) {
    XmlRpcValue.StructBuilder s = XmlRpcValue.struct();
    if (e instanceof HistoryEntry.StateChange c) {
      s.put("kind", "state").put("group", c.group()).put("name", c.name())
          .put("from", c.from().name()).put("to", c.to().name()).put("pid", c.pid())
          .put("expected", c.expected()).put("spawnerr", c.spawnError());
      if (c.exitStatus() != null) {
        s.put("exitstatus", c.exitStatus());
      }
    } else if (e instanceof HistoryEntry.Action a) {
      s.put("kind", "action").put("user", a.user()).put("via", a.via()).put("action", a.action())
          .put("target", a.target()).put("ok", a.ok()).put("result", a.result());
    } else {
      HistoryEntry.Daemon d = (HistoryEntry.Daemon) e;
      s.put("kind", "daemon").put("event", d.event()).put("detail", d.detail());
    }
    return s.put("time", Results.clampInt32(e.epochMillis() / 1000)).put("millis", e.epochMillis() % 1000)
        .build();
  }

  static XmlRpcValue summaries(List<HistorySummary> all) {
    List<XmlRpcValue> out = new ArrayList<>(all.size());
    for (HistorySummary h : all) {
      XmlRpcValue.StructBuilder s = XmlRpcValue.struct().put("group", h.group()).put("name", h.name())
          .put("starts", h.starts()).put("unexpected_exits", h.unexpectedExits())
          .put("last_exit_time", Results.clampInt32(h.lastExitMillis() / 1000));
      if (h.lastExitStatus() != null) {
        s.put("last_exitstatus", h.lastExitStatus());
      }
      out.add(s.build());
    }
    return new XmlRpcValue.Array(out);
  }

  // ---- the client's side -------------------------------------------------------------------------

  static List<HistoryEntry> readEntries(XmlRpcValue v) {
    List<HistoryEntry> out = new ArrayList<>();
    for (XmlRpcValue item : Results.readList(v)) {
      out.add(readEntry(Results.readStruct(item)));
    }
    return out;
  }

  private static HistoryEntry readEntry(Map<String, XmlRpcValue> m) {
    long millis = Results.readLong(m.get("time")) * 1000 + Results.readLong(m.get("millis"));
    switch (Results.readString(m.get("kind"))) {
      case "state":
        return new HistoryEntry.StateChange(millis, Results.readString(m.get("group")),
            Results.readString(m.get("name")), readState(m.get("from")), readState(m.get("to")),
            Results.readLong(m.get("pid")),
            m.containsKey("exitstatus") ? (int) (long) Results.readLong(m.get("exitstatus")) : null,
            Results.readBool(m.get("expected")), Results.readString(m.get("spawnerr")));
      case "action":
        return new HistoryEntry.Action(millis, Results.readString(m.get("user")), Results.readString(m.get("via")),
            Results.readString(m.get("action")), Results.readString(m.get("target")),
            Results.readBool(m.get("ok")), Results.readString(m.get("result")));
      default:
        return new HistoryEntry.Daemon(millis, Results.readString(m.get("event")),
            Results.readString(m.get("detail")));
    }
  }

  private static ProcessState readState(XmlRpcValue v) {
    try {
      return ProcessState.valueOf(Results.readString(v));
    } catch (IllegalArgumentException e) {
      return ProcessState.UNKNOWN;
    }
  }

  static List<HistorySummary> readSummaries(XmlRpcValue v) {
    List<HistorySummary> out = new ArrayList<>();
    for (XmlRpcValue item : Results.readList(v)) {
      Map<String, XmlRpcValue> m = Results.readStruct(item);
      out.add(new HistorySummary(Results.readString(m.get("group")), Results.readString(m.get("name")),
          Results.readLong(m.get("starts")), Results.readLong(m.get("unexpected_exits")),
          m.containsKey("last_exitstatus") ? (int) (long) Results.readLong(m.get("last_exitstatus")) : null,
          Results.readLong(m.get("last_exit_time")) * 1000));
    }
    return out;
  }
}
