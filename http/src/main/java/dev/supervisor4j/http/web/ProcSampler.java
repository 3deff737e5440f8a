package dev.supervisor4j.http.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CPU % and resident memory of processes, read from {@code /proc/<pid>/stat} and
 * {@code /proc/<pid>/status} as {@code top} does: CPU % is the process's user + system time used
 * between two samples over the wall time between them (100 % = one core).
 *
 * <p>Only the process itself is measured, not its children: a {@code sh -c} wrapper shows the
 * shell's figures. The clock tick is taken as 100 Hz ({@code USER_HZ} on every Linux we know of);
 * the JDK cannot ask {@code sysconf} without native code. Where {@code /proc} is missing (not Linux)
 * every reading is empty and the page shows a dash.
 *
 * <p>Not thread-safe: the live feed calls {@link #sample} from one stream stage, one call at a time.
 * The reads are blocking file I/O, so the feed runs them on the front end's I/O dispatcher.
 */
final class ProcSampler {
  private static final double TICKS_PER_SECOND = 100.0;

  /** One process's figures; {@code cpuPercent} is NaN until there are two readings. */
  record Usage(double cpuPercent, long rssKb) {}

  record Reading(long cpuTicks, long atNanos) {}

  private final Path proc;
  private Map<Long, Reading> previous = Map.of();

  ProcSampler(Path proc) {
    this.proc = proc;
  }

  /** Samples {@code pids} (0 is skipped); pids that vanished are left out. */
  Map<Long, Usage> sample(List<Long> pids) {
    Map<Long, Reading> now = new HashMap<>();
    Map<Long, Usage> usage = new HashMap<>();
    for (long pid : pids) {
      if (pid <= 0) {
        continue;
      }
      Optional<Long> ticks = cpuTicks(pid);
      Optional<Long> rss = rssKb(pid);
      if (ticks.isEmpty() || rss.isEmpty()) {
        continue;
      }
      Reading reading = new Reading(ticks.get(), System.nanoTime());
      now.put(pid, reading);
      usage.put(pid, new Usage(cpuPercent(previous.get(pid), reading), rss.get()));
    }
    previous = now;
    return usage;
  }

  static double cpuPercent(Reading before, Reading after) {
    if (before == null || after.atNanos <= before.atNanos || after.cpuTicks < before.cpuTicks) {
      return Double.NaN;
    }
    double cpuSeconds = (after.cpuTicks - before.cpuTicks) / TICKS_PER_SECOND;
    double wallSeconds = (after.atNanos - before.atNanos) / 1e9;
    return 100.0 * cpuSeconds / wallSeconds;
  }

  /** utime + stime: fields 14 and 15 of {@code stat}, counted after the parenthesised command. */
  private Optional<Long> cpuTicks(long pid) {
    try {
      String stat = Files.readString(proc.resolve(Long.toString(pid)).resolve("stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields[0] is field 3 (state), so field n is fields[n - 3]
      return Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // gone, not ours to read, or not Linux
    }
  }

  private Optional<Long> rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(proc.resolve(Long.toString(pid)).resolve("status"))) {
        if (line.startsWith("VmRSS:")) {
          return Optional.of(Long.parseLong(line.substring(6).replace("kB", "").strip()));
        }
      }
      return Optional.of(0L); // a zombie or kernel thread has no VmRSS line
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
