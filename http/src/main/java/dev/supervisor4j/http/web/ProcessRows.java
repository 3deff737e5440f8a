package dev.supervisor4j.http.web;

import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A process as the console's JSON shows it: {@code getProcessInfo}'s fields plus the CSS class of
 * its state and, once sampled, CPU % and RSS. One encoder for the page, the event stream and the
 * API, so they cannot disagree. {@code now} is left out: it would make every row differ from the
 * last every second, and the event stream sends only rows that changed.
 */
final class ProcessRows {
  private ProcessRows() {}

  /** supervisord's status colours: green for RUNNING, red for BACKOFF and FATAL, grey otherwise. */
  static String stateClass(ProcessState state) {
    return switch (state) {
      case RUNNING -> "running";
      case BACKOFF, FATAL -> "error";
      default -> "nominal";
    };
  }

  /** supervisord's table order: by group, then name. */
  static List<ProcessInfo> sorted(List<ProcessInfo> processes) {
    List<ProcessInfo> out = new ArrayList<>(processes);
    out.sort(Comparator.comparing(ProcessInfo::group).thenComparing(ProcessInfo::name));
    return out;
  }

  static Map<String, Object> row(ProcessInfo info, ProcSampler.Usage usage) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("namespec", info.namespec());
    row.put("name", info.name());
    row.put("group", info.group());
    row.put("state", info.state().name());
    row.put("stateClass", stateClass(info.state()));
    row.put("description", info.description());
    row.put("pid", info.pid());
    row.put("start", info.start());
    row.put("stop", info.stop());
    row.put("exitStatus", info.exitStatus());
    row.put("spawnErr", info.spawnErr());
    boolean measured = usage != null && info.pid() > 0;
    row.put("cpuPercent", measured && !Double.isNaN(usage.cpuPercent())
        ? Math.round(usage.cpuPercent() * 10) / 10.0 : null);
    row.put("rssKb", measured ? usage.rssKb() : null);
    return row;
  }

  /** Rows for every process, sorted, with usage looked up by pid. */
  static List<Map<String, Object>> rows(List<ProcessInfo> processes, Map<Long, ProcSampler.Usage> usage) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ProcessInfo info : sorted(processes)) {
      rows.add(row(info, usage.get(info.pid())));
    }
    return rows;
  }
}
