package dev.supervisor4j.ctl.rpc;

import dev.supervisor4j.protocol.HistoryEntry;
import dev.supervisor4j.protocol.ProcessState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code history.*} answers as protocol records; an unknown state name reads as UNKNOWN. */
final class HistoryDecoded {
  private HistoryDecoded() {}

  static List<HistoryEntry> entries(Object v) {
    List<HistoryEntry> out = new ArrayList<>();
    for (Object item : Decoded.list(v)) {
      out.add(entry(Decoded.struct(item)));
    }
    return out;
  }

  private static HistoryEntry entry(Map<String, Object> m) {
    long millis = Decoded.number(m.get("time")) * 1000 + Decoded.number(m.get("millis"));
    String kind = Decoded.string(m.get("kind"));
    switch (kind) {
      case "state":
        return new HistoryEntry.StateChange(millis, Decoded.string(m.get("group")), Decoded.string(m.get("name")),
            state(m.get("from")), state(m.get("to")), Decoded.number(m.get("pid")),
            m.containsKey("exitstatus") ? (int) Decoded.number(m.get("exitstatus")) : null,
            Decoded.bool(m.get("expected")), Decoded.string(m.get("spawnerr")));
      case "action":
        return new HistoryEntry.Action(millis, Decoded.string(m.get("user")), Decoded.string(m.get("via")),
            Decoded.string(m.get("action")), Decoded.string(m.get("target")), Decoded.bool(m.get("ok")),
            Decoded.string(m.get("result")));
      default:
        return new HistoryEntry.Daemon(millis, Decoded.string(m.get("event")), Decoded.string(m.get("detail")));
    }
  }

  private static ProcessState state(Object v) {
    try {
      return ProcessState.valueOf(Decoded.string(v));
    } catch (IllegalArgumentException e) {
      return ProcessState.UNKNOWN;
    }
  }
}
