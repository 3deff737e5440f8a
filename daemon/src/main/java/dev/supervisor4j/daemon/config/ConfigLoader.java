package dev.supervisor4j.daemon.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a supervisord.conf exactly as Supervisor 4.2.5 does and returns it validated and frozen.
 *
 * <p>Side-effect free by design, because {@code reread}/{@code reloadConfig} call it on a running
 * daemon: it reads files and directories but creates nothing (no AUTO log files, no sockets, no
 * directories) and binds nothing. Supervisor's socket check for fcgi programs, when it makes the
 * group, is therefore the GroupActor's.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /**
   * Loads {@code configFile} and everything it includes.
   *
   * @param configFile        the file to read; a relative path is taken against {@code cwd}
   * @param configFileAsTyped the {@code -c} argument exactly as typed (null: {@code configFile}); it
   *                          names main-file sections in error messages, as Supervisor does
   * @param overrides         the command-line options that beat the file
   * @param environment       the daemon's start-up environment: {@code ENV_*} names, {@code ~}, TMPDIR
   * @param cwd               the start-up directory, against which relative paths resolve
   * @return the config, groups sorted by (priority, name)
   * @throws ConfigException with Supervisor's message, for the command line's {@code Error: ...}
   */
  public static SupervisordConfig load(Path configFile, String configFileAsTyped,
      CommandLineOverrides overrides, Map<String, String> environment, Path cwd)
      throws ConfigException {
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(cwd, "cwd");
    String typed = configFileAsTyped != null ? configFileAsTyped : configFile.toString();
    CommandLineOverrides cli = overrides != null ? overrides : CommandLineOverrides.none();
    Users users = Users.system();
    PyPaths paths = new PyPaths(environment, users, cwd);
    String text = readMain(paths, configFile.toString(), typed);
    String here = paths.abspath(PyPaths.dirname(configFile.toString()));
    String hostNodeName = hostNodeName();

    IniFile ini = new IniFile();
    ini.read(text, typed);
    LoadContext ctx = new LoadContext(ini, typed, here, hostNodeName, environment, paths, users);
    Includes.read(ctx, PyPaths.dirname(paths.abspath(configFile.toString())));
    if (!ini.hasSection(DaemonSection.NAME)) {
      throw new ConfigException(".ini file does not include supervisord section");
    }
    DaemonSection.Values daemon = DaemonSection.read(ctx, tempDir(environment, paths));
    List<RpcInterfaceConfig> rpcInterfaces = RpcInterfaceSections.read(ctx);
    List<GroupConfig> groups = GroupSections.read(ctx);
    List<HttpServerConfig> servers = ServerSections.read(ctx);
    DaemonSettings settings = DaemonSection.settle(daemon, cli, ctx);
    RpcInterfaceSections.checkInstantiable(rpcInterfaces, servers);
    HistorySettings history = HistorySection.read(ctx, settings.pidfile());

    // supervisorctl reads only the main file (it ignores [include]), with its own environment.
    IniFile mainOnly = new IniFile();
    mainOnly.read(text, typed);
    CtlSettings ctl = CtlSection.read(
        new LoadContext(mainOnly, typed, here, hostNodeName, environment, paths, users));

    List<LoadMessage> messages = new ArrayList<>();
    ctx.warnings.forEach(w -> messages.add(new LoadMessage(LogLevel.WARN, w)));
    ctx.infos.forEach(i -> messages.add(new LoadMessage(LogLevel.INFO, i)));
    return new SupervisordConfig(configFile, Path.of(here), settings, servers, ctl, groups,
        rpcInterfaces, messages, history);
  }

  private static String readMain(PyPaths paths, String file, String typed) throws ConfigException {
    Path path = paths.toPath(file);
    if (path == null || !Files.exists(path)) {
      throw new ConfigException("could not find config file " + typed);
    }
    try {
      return ConfigText.read(path);
    } catch (IOException e) {
      throw new ConfigException("could not read config file " + typed);
    }
  }

  /** Python's {@code platform.node()}: the kernel's node name, or empty when unknown. */
  static String hostNodeName() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /**
   * Python's {@code tempfile.gettempdir()}: TMPDIR, TEMP, TMP, then /tmp, /var/tmp, /usr/tmp, then
   * the start-up directory. Python probes each by creating a file; this loader must not, so it takes
   * the first writable directory instead.
   */
  static String tempDir(Map<String, String> environment, PyPaths paths) {
    List<String> candidates = new ArrayList<>();
    for (String var : new String[] {"TMPDIR", "TEMP", "TMP"}) {
      String dir = environment.get(var);
      if (dir != null && !dir.isEmpty()) {
        candidates.add(dir);
      }
    }
    candidates.addAll(List.of("/tmp", "/var/tmp", "/usr/tmp"));
    for (String dir : candidates) {
      Path p = paths.toPath(dir);
      if (p != null && Files.isDirectory(p) && Files.isWritable(p)) {
        return paths.abspath(dir);
      }
    }
    return paths.abspath(".");
  }
}
