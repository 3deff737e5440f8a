package dev.supervisor4j.daemon.board;

import dev.supervisor4j.protocol.ProcessState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code description} supervisord computes for getProcessInfo, which supervisorctl prints as is. */
final class Descriptions {
  private static final DateTimeFormatter STOP_TIME =
      DateTimeFormatter.ofPattern("MMM dd hh:mm a", Locale.US);

  private Descriptions() {}

  static String describe(ProcessStatus data, long nowMillis) {
    ProcessState state = data.state();
    String name = data.name();
    switch (state) {
      case RUNNING:
        // Whole-second times, as supervisord's int(time.time()), so uptime matches its rounding.
        long uptime = Math.max(0, nowMillis / 1000 - data.lastStart() / 1000);
        return "pid " + data.pid() + ", uptime " + uptime(uptime);
      case BACKOFF:
      case FATAL:
        return data.spawnErr().isEmpty() ? "unknown error (try \"tail " + name + "\")" : data.spawnErr();
      case STOPPED:
      case EXITED:
        if (data.lastStart() == 0) {
          return "Not started";
        }
        return STOP_TIME.format(Instant.ofEpochMilli(data.lastStop()).atZone(ZoneId.systemDefault()));
      default:
        return "";
    }
  }

  /** A Python timedelta's str(): {@code 0:00:02}, {@code 1 day, 2:03:04}, {@code 3 days, ...}. */
  static String uptime(long seconds) {
    long days = seconds / 86400;
    long rest = seconds % 86400;
    String hms = String.format(Locale.ROOT, "%d:%02d:%02d", rest / 3600, (rest % 3600) / 60, rest % 60);
    if (days == 0) {
      return hms;
    }
    return days + (days == 1 ? " day, " : " days, ") + hms;
  }
}
