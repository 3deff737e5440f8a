package dev.supervisor4j.daemon.api;

import dev.supervisor4j.daemon.config.ChannelConfig;
import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.LogTarget;
import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.protocol.ConfigInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** getAllConfigInfo: every process of the loaded config, with supervisord's {@code none}/{@code auto}. */
final class ConfigInfos {
  private ConfigInfos() {}

  static List<ConfigInfo> of(SupervisordConfig loaded, Set<String> activeGroups) {
    List<ConfigInfo> out = new ArrayList<>();
    for (GroupConfig g : loaded.groups()) {
      for (ProgramConfig p : g.processes()) {
        out.add(new ConfigInfo(p.name(), g.name(), activeGroups.contains(g.name()), p.autostart(), g.priority(),
            p.priority(), p.command(), noneIfNull(p.directory()),
            p.user() == null ? "none" : Integer.toString(p.user().uid()), p.exitCodeList(), p.killAsGroup(),
            p.redirectStderr(), p.startRetries(), p.startSecs(), p.stopSignal().number(), p.stopWaitSecs(),
            noneIfNull(p.serverUrl()), channel(p.stdout()), channel(p.stderr())));
      }
    }
    // supervisord sorts by process name only.
    out.sort(Comparator.comparing(ConfigInfo::name));
    return out;
  }

  private static ConfigInfo.Channel channel(ChannelConfig c) {
    return new ConfigInfo.Channel(c.captureMaxBytes(), c.eventsEnabled(), logfile(c.logfile()), c.backups(),
        c.maxBytes(), c.syslog());
  }

  private static String logfile(LogTarget t) {
    if (t instanceof LogTarget.Auto) {
      return "auto";
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
