package dev.supervisor4j.daemon.api;

import dev.supervisor4j.daemon.board.ProcessStatus;
import dev.supervisor4j.daemon.config.ChannelConfig;
import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.LogTarget;
import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.protocol.ConfigInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * getAllConfigInfo: every process of the last-read config, with supervisord's {@code none}/{@code auto}.
 * An AUTO log file shows its real path when the process was made from that very read (Supervisor
 * names AUTO logs on the config object it starts a group from; a reread makes new objects, which
 * say {@code auto} until their group is added).
 */
final class ConfigInfos {
  private ConfigInfos() {}

  /**
   * @param madeFrom the groups whose AUTO names are resolved
   * @param running  a process's status on the board, by group and name
   */
  static List<ConfigInfo> of(SupervisordConfig loaded, Set<String> activeGroups, Set<String> madeFrom,
      BiFunction<String, String, Optional<ProcessStatus>> running) {
    List<ConfigInfo> out = new ArrayList<>();
    for (GroupConfig g : loaded.groups()) {
      for (ProgramConfig p : g.processes()) {
        Optional<ProcessStatus> made = madeFrom.contains(g.name()) ? running.apply(g.name(), p.name())
            : Optional.empty();
        out.add(new ConfigInfo(p.name(), g.name(), activeGroups.contains(g.name()), p.autostart(), g.priority(),
            p.priority(), p.command(), noneIfNull(p.directory()),
            p.user() == null ? "none" : Integer.toString(p.user().uid()), p.exitCodeList(), p.killAsGroup(),
            p.redirectStderr(), p.startRetries(), p.startSecs(), p.stopSignal().number(), p.stopWaitSecs(),
            noneIfNull(p.serverUrl()), channel(p.stdout(), made.map(ProcessStatus::stdoutLogfile)),
            channel(p.stderr(), made.map(ProcessStatus::stderrLogfile))));
      }
    }
    // supervisord sorts by process name only.
    out.sort(Comparator.comparing(ConfigInfo::name));
    return out;
  }

  /** @param resolved the path an AUTO log file was given, if the process was made from this config */
  private static ConfigInfo.Channel channel(ChannelConfig c, Optional<String> resolved) {
    return new ConfigInfo.Channel(c.captureMaxBytes(), c.eventsEnabled(), logfile(c.logfile(), resolved),
        c.backups(), c.maxBytes(), c.syslog());
  }

  private static String logfile(LogTarget t, Optional<String> resolved) {
    if (t instanceof LogTarget.Auto) {
      return resolved.filter(path -> !path.isEmpty()).orElse("auto");
    }
    if (t instanceof LogTarget.File) {
      return ((LogTarget.File) t).path().toString();
    }
    return "none";
  }

  private static String noneIfNull(String s) {
    return s == null ? "none" : s;
  }
}
