package dev.supervisor4j.daemon.config;

import dev.supervisor4j.protocol.Signal;
import dev.supervisor4j.protocol.python.PyRepr;
import dev.supervisor4j.protocol.python.PyStr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The process instances of one {@code [program:x]}, {@code [eventlistener:x]} or
 * {@code [fcgi-program:x]} section: Supervisor's {@code processes_from_section}.
 *
 * <p>The option order, and the single mutable name map that grows as instances are built, are
 * Supervisor's: they decide which error wins and which names each option may use. Options read
 * before the instance loop cannot use {@code process_num}; inside the loop, {@code ENV_*} keys of an
 * instance's own {@code environment} stay visible to the later instances.
 */
final class ProcessSection {
  private ProcessSection() {}

  /** Builds the instances; any error gets the {@code in section '...' (file: '...')} suffix. */
  static List<ProgramConfig> processes(LoadContext ctx, String section, String groupName)
      throws ConfigException {
    try {
      return build(ctx, section, groupName);
    } catch (ConfigException e) {
      throw new ConfigException(e.getMessage() + " in section " + PyRepr.of(section) + " (file: "
          + PyRepr.of(ctx.fileOf(section)) + ")", e);
    }
  }

  private static List<ProgramConfig> build(LoadContext ctx, String section, String groupName)
      throws ConfigException {
    String programName = Datatypes.name(section.substring(section.indexOf(':') + 1));
    Map<String, Object> names = new LinkedHashMap<>();
    names.put("here", ctx.here);
    names.put("program_name", programName);
    names.put("host_node_name", ctx.hostNodeName);
    names.put("group_name", groupName);
    Options o = new Options(ctx, section, names);

    int priority = Datatypes.integer(o.get("priority", "999"));
    boolean autostart = Datatypes.bool(o.get("autostart", "true"));
    AutoRestart autorestart = Datatypes.autoRestart(o.get("autorestart", "unexpected"));
    int startsecs = Datatypes.integer(o.get("startsecs", "1"));
    int startretries = Datatypes.integer(o.get("startretries", "3"));
    Signal stopsignal = Datatypes.signal(o.get("stopsignal", "TERM"));
    int stopwaitsecs = Datatypes.integer(o.get("stopwaitsecs", "10"));
    boolean stopasgroup = Datatypes.bool(o.get("stopasgroup", "false"));
    boolean killasgroup = Datatypes.bool(o.get("killasgroup", String.valueOf(stopasgroup)));
    Set<Integer> exitcodes = Datatypes.exitCodes(o.get("exitcodes", "0"));
    boolean redirectStderr = Datatypes.bool(o.get("redirect_stderr", "false"));
    int numprocs = Datatypes.integer(o.get("numprocs", "1"));
    int numprocsStart = Datatypes.integer(o.get("numprocs_start", "0"));
    String environmentRaw = ctx.getRaw(section, "environment", "");
    long stdoutCapture = Datatypes.byteSize(o.get("stdout_capture_maxbytes", "0"));
    boolean stdoutEvents = Datatypes.bool(o.get("stdout_events_enabled", "false"));
    long stderrCapture = Datatypes.byteSize(o.get("stderr_capture_maxbytes", "0"));
    boolean stderrEvents = Datatypes.bool(o.get("stderr_events_enabled", "false"));
    String serverUrl = o.get("serverurl", null);
    if (serverUrl != null && PyStr.strip(serverUrl).equalsIgnoreCase("AUTO")) {
      serverUrl = null;
    }
    String userName = o.get("user", null);
    UserSpec user = userName == null ? null : ctx.users.userSpec(userName);
    String umaskText = o.get("umask", null);
    Integer umask = umaskText == null ? null : Datatypes.octal(umaskText);
    String processName = Datatypes.name(ctx.getRaw(section, "process_name", "%(program_name)s"));
    if (numprocs > 1 && !processName.contains("%(process_num)")) {
      throw new ConfigException(
          "%(process_num) must be present within process_name when numprocs > 1");
    }
    if (stopasgroup && !killasgroup) {
      throw new ConfigException("Cannot set stopasgroup=true and killasgroup=false");
    }

    List<ProgramConfig> out = new ArrayList<>();
    for (long n = numprocsStart; n < (long) numprocsStart + numprocs; n++) {
      int processNum = (int) n;
      names.put("process_num", processNum);
      names.put("numprocs", numprocs);
      names.putAll(ctx.envExpansions);
      Map<String, String> environment =
          KeyValuePairs.parse(Expansions.expand(environmentRaw, names, "environment"));
      environment.forEach((k, v) -> names.put("ENV_" + k, v));
      String directory = o.get("directory", null);
      ChannelConfig stdout = channel(ctx, o, names, "stdout", stdoutCapture, stdoutEvents);
      ChannelConfig stderr = channel(ctx, o, names, "stderr", stderrCapture, stderrEvents);
      if (redirectStderr) {
        if (stderr.logfile() instanceof LogTarget.File) {
          ctx.warnings.add("For [" + section + "], redirect_stderr=true but stderr_logfile has also "
              + "been set to a filename, the filename has been ignored");
        }
        stderr = new ChannelConfig(LogTarget.NONE, stderr.maxBytes(), stderr.backups(),
            stderr.captureMaxBytes(), stderr.eventsEnabled(), stderr.syslog());
      }
      String command = ctx.get(section, "command", null, names);
      if (command == null) {
        throw new ConfigException("program section " + section + " does not specify a command");
      }
      String name = Expansions.expand(processName, names, "process_name");
      out.add(new ProgramConfig(name, programName, section, ctx.fileOf(section), processNum, command,
          priority, autostart, startsecs, startretries, autorestart, exitcodes, stopsignal,
          stopwaitsecs, stopasgroup, killasgroup, user, redirectStderr, stdout, stderr, environment,
          directory, umask, serverUrl));
    }
    // Supervisor sorts a section's processes by (priority, name); the priority is shared here.
    out.sort(Comparator.comparing(ProgramConfig::name, PyStr::compareCodePoints));
    return out;
  }

  /** The {@code <channel>_*} options of one instance, with Supervisor's load-time WARNs. */
  private static ChannelConfig channel(LoadContext ctx, Options o, Map<String, Object> names,
      String channel, long captureMaxBytes, boolean eventsEnabled) throws ConfigException {
    String key = channel + "_logfile";
    String value = o.get(key, null);
    LogTarget target = LogTarget.AUTO;
    boolean syslogAlias = false;
    if (value != null) {
      // Expanded a second time, so a literal % must be written %%%% here.
      String twice = Expansions.expand(value, names, key);
      switch (PyStr.lower(twice)) {
        case "none": case "off":
          target = LogTarget.NONE;
          break;
        case "auto":
          break;
        case "syslog":
          syslogAlias = true;
          break;
        default:
          target = new LogTarget.File(Path.of(ctx.existingDirpath(twice)));
      }
    }
    int backups = Datatypes.integer(o.get(key + "_backups", "10"));
    long maxBytes = Datatypes.byteSize(o.get(key + "_maxbytes", "50MB"));
    boolean syslog = Datatypes.bool(o.get(channel + "_syslog", "false"));
    String section = o.section;
    if (syslogAlias) {
      ctx.warnings.add("For [" + section + "], " + key + "=syslog but this is deprecated and will "
          + "be removed.  Use " + channel + "_syslog=true to enable syslog instead.");
      target = LogTarget.NONE;
      syslog = true;
    }
    if (target instanceof LogTarget.Auto && maxBytes == 0) {
      ctx.warnings.add("For [" + section + "], AUTO logging used for " + key + " without "
          + "rollover, set maxbytes > 0 to avoid filling up filesystem unintentionally");
    }
    return new ChannelConfig(target, maxBytes, backups, captureMaxBytes, eventsEnabled, syslog);
  }

  /** Option access with the section's current names (a snapshot per call, as in Supervisor). */
  private static final class Options {
    final LoadContext ctx;
    final String section;
    final Map<String, Object> names;

    Options(LoadContext ctx, String section, Map<String, Object> names) {
      this.ctx = ctx;
      this.section = section;
      this.names = names;
    }

    String get(String option, String dflt) throws ConfigException {
      return ctx.get(section, option, dflt, names);
    }
  }
}
