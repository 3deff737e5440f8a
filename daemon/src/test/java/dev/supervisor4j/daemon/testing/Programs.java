package dev.supervisor4j.daemon.testing;

import dev.supervisor4j.daemon.config.AutoRestart;
import dev.supervisor4j.daemon.config.ChannelConfig;
import dev.supervisor4j.daemon.config.LogTarget;
import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.protocol.Signal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Builds {@link ProgramConfig}s with Supervisor's defaults for tests. */
public final class Programs {
  private String name;
  private String command = "/bin/sleep 1000";
  private int priority = 999;
  private boolean autostart = true;
  private int startSecs = 1;
  private int startRetries = 3;
  private AutoRestart autoRestart = AutoRestart.UNEXPECTED;
  private Set<Integer> exitCodes = Set.of(0);
  private Signal stopSignal = Signal.TERM;
  private int stopWaitSecs = 10;
  private boolean stopAsGroup;
  private boolean killAsGroup;
  private Map<String, String> environment = new LinkedHashMap<>();

  private Programs(String name) {
    this.name = name;
  }

  public static Programs named(String name) {
    return new Programs(name);
  }

  public Programs command(String c) { command = c; return this; }
  public Programs priority(int p) { priority = p; return this; }
  public Programs autostart(boolean a) { autostart = a; return this; }
  public Programs startSecs(int s) { startSecs = s; return this; }
  public Programs startRetries(int r) { startRetries = r; return this; }
  public Programs autoRestart(AutoRestart a) { autoRestart = a; return this; }
  public Programs exitCodes(Integer... codes) { exitCodes = Set.of(codes); return this; }
  public Programs stopSignal(Signal s) { stopSignal = s; return this; }
  public Programs stopWaitSecs(int s) { stopWaitSecs = s; return this; }
  public Programs stopAsGroup(boolean b) { stopAsGroup = b; killAsGroup = b; return this; }
  public Programs env(String k, String v) { environment.put(k, v); return this; }

  public ProgramConfig build() {
    ChannelConfig none = new ChannelConfig(LogTarget.NONE, 0, 0, 0, false, false);
    return new ProgramConfig(name, name, "program:" + name, "test.conf", 0, command, priority,
        autostart, startSecs, startRetries, autoRestart, exitCodes, stopSignal, stopWaitSecs,
        stopAsGroup, killAsGroup, null, false, none, none, environment, null, null, null);
  }
}
