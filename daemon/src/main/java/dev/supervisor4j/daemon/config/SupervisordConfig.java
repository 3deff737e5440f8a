package dev.supervisor4j.daemon.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything supervisord reads from its config file and includes, validated and frozen.
 *
 * @param configFile    the main config file as given or found (for error messages and reloads)
 * @param here          the absolute directory of the main config file
 * @param daemon        the {@code [supervisord]} section, after command-line overrides
 * @param httpServers   the HTTP server sections, inet ones first (the order Supervisor opens them)
 * @param ctl           the {@code [supervisorctl]} section, or null
 * @param groups        every process group, sorted by (priority, name); name clashes resolved
 * @param rpcInterfaces the {@code [rpcinterface:x]} sections
 * @param messages      load messages to flush into the main log once it is open
 * @param history       the {@code [history]} section (the ledger)
 */
public record SupervisordConfig(
    Path configFile,
    Path here,
    DaemonSettings daemon,
    List<HttpServerConfig> httpServers,
    CtlSettings ctl,
    List<GroupConfig> groups,
    List<RpcInterfaceConfig> rpcInterfaces,
    List<LoadMessage> messages,
    HistorySettings history) {
  public SupervisordConfig {
    httpServers = List.copyOf(httpServers);
    groups = List.copyOf(groups);
    rpcInterfaces = List.copyOf(rpcInterfaces);
    messages = List.copyOf(messages);
    history = history == null ? HistorySettings.disabled() : history;
  }

  /** A config without history (configs built in code). */
  public SupervisordConfig(Path configFile, Path here, DaemonSettings daemon, List<HttpServerConfig> httpServers,
      CtlSettings ctl, List<GroupConfig> groups, List<RpcInterfaceConfig> rpcInterfaces,
      List<LoadMessage> messages) {
    this(configFile, here, daemon, httpServers, ctl, groups, rpcInterfaces, messages, null);
  }
}
