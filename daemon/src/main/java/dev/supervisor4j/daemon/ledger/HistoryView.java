package dev.supervisor4j.daemon.ledger;

import dev.supervisor4j.protocol.HistoryEntry;
import dev.supervisor4j.protocol.HistorySummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Pure functions from ledger states to what {@code history.*} answers. */
public final class HistoryView {
  private HistoryView() {}

  /**
   * A process's state changes merged with the operator actions aimed at it, its group, or
   * everything ({@code stopAllProcesses}), oldest first; the newest {@code limit} at or after
   * {@code sinceMillis}.
   */
  public static List<HistoryEntry> processHistory(LedgerState process, LedgerState daemon, String group,
      String name, long sinceMillis, int limit) {
    String spec = group + ":" + name;
    List<HistoryEntry> all = new ArrayList<>();
    for (LedgerEvent e : process.recent()) {
      if (e instanceof LedgerEvent.ProcessStateChanged c) {
        all.add(entry(c));
      }
    }
    for (LedgerEvent e : daemon.recent()) {
      if (e instanceof LedgerEvent.OperatorActed a && concerns(a, group, name, spec)) {
        all.add(entry(a));
      } else if (e instanceof LedgerEvent.OrphanStopped o && o.group().equals(group) && o.name().equals(name)) {
        all.add(entry(o));
      }
    }
    return newest(all, sinceMillis, limit);
  }

  /** Operator actions and daemon events, oldest first. */
  public static List<HistoryEntry> actions(LedgerState daemon, long sinceMillis, int limit) {
    List<HistoryEntry> all = new ArrayList<>();
    for (LedgerEvent e : daemon.recent()) {
      if (e instanceof LedgerEvent.OperatorActed a) {
        all.add(entry(a));
      } else if (e instanceof LedgerEvent.DaemonStarted s) {
        all.add(new HistoryEntry.Daemon(s.epochMillis(), "started", "pid " + s.pid() + ", " + s.version()));
      } else if (e instanceof LedgerEvent.DaemonStopping s) {
        all.add(new HistoryEntry.Daemon(s.epochMillis(), "stopping", s.reason()));
      } else if (e instanceof LedgerEvent.OrphanStopped o) {
        all.add(entry(o));
      } else if (e instanceof LedgerEvent.Unrecorded u) {
        all.add(new HistoryEntry.Daemon(u.epochMillis(), "unrecorded", "an event could not be recorded: " + u.reason()));
      } else if (e instanceof LedgerEvent.ConfigReloaded r) {
        all.add(new HistoryEntry.Daemon(r.epochMillis(), "config-reloaded", "added " + r.added()
            + ", changed " + r.changed() + ", removed " + r.removed()));
      }
    }
    return newest(all, sinceMillis, limit);
  }

  public static HistorySummary summary(String group, String name, LedgerState process) {
    return new HistorySummary(group, name, process.starts(), process.unexpectedExits(),
        process.lastExitStatus(), process.lastExitMillis());
  }

  private static boolean concerns(LedgerEvent.OperatorActed a, String group, String name, String spec) {
    if (a.processes().contains(spec)) {
      return true;
    }
    String t = a.target();
    return t.isEmpty() ? a.action().endsWith("AllProcesses")
        : t.equals(name) || t.equals(spec) || t.equals(group + ":*") || t.equals(group);
  }

  private static List<HistoryEntry> newest(List<HistoryEntry> all, long sinceMillis, int limit) {
    List<HistoryEntry> kept = new ArrayList<>(all.stream().filter(e -> e.epochMillis() >= sinceMillis).toList());
    kept.sort(Comparator.comparingLong(HistoryEntry::epochMillis)); // stable: order within a stream kept
    return List.copyOf(kept.subList(Math.max(0, kept.size() - limit), kept.size()));
  }

  private static HistoryEntry entry(LedgerEvent.ProcessStateChanged c) {
    return new HistoryEntry.StateChange(c.epochMillis(), c.group(), c.name(), c.from(), c.to(), c.pid(),
        c.exitStatus(), c.expected(), c.spawnError());
  }

  private static HistoryEntry entry(LedgerEvent.OrphanStopped o) {
    String spec = o.group().equals(o.name()) ? o.name() : o.group() + ":" + o.name();
    return new HistoryEntry.Daemon(o.epochMillis(), "stopped-orphan",
        "of previous run: " + spec + " (pid " + o.pid() + "), " + o.how());
  }

  private static HistoryEntry entry(LedgerEvent.OperatorActed a) {
    return new HistoryEntry.Action(a.epochMillis(), a.user(), a.via(), a.action(), a.target(), a.ok(), a.result());
  }
}
