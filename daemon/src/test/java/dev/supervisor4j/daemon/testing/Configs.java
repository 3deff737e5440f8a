package dev.supervisor4j.daemon.testing;

import dev.supervisor4j.daemon.config.DaemonSettings;
import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.GroupKind;
import dev.supervisor4j.daemon.config.LogLevel;
import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds whole configs for actor tests without parsing a file. */
public final class Configs {
  private Configs() {}

  public static GroupConfig group(String name, int priority, ProgramConfig... programs) {
    return new GroupConfig(name, GroupKind.PROGRAM, priority, List.of(programs), null, null);
  }

  public static SupervisordConfig of(GroupConfig... groups) {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    DaemonSettings daemon = new DaemonSettings(tmp.resolve("supervisord-test.log"), false, 0, 0,
        LogLevel.INFO, tmp.resolve("supervisord-test.pid"), 022, true, true, 1024, 200, true, tmp,
        null, null, false, Map.of(), "supervisor");
    return new SupervisordConfig(tmp.resolve("test.conf"), tmp, daemon, List.of(), null,
        List.of(groups), List.of(), List.of());
  }
}
