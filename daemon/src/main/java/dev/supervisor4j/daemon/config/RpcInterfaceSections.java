package dev.supervisor4j.daemon.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code [rpcinterface:x]}: {@code supervisor.rpcinterface_factory} is required and must name
 * Supervisor's main interface (the only one that exists here); every other key, {@code [DEFAULT]}
 * keys included, is kept as a factory keyword argument.
 */
final class RpcInterfaceSections {
  private RpcInterfaceSections() {}

  static final String PREFIX = "rpcinterface:";
  static final String FACTORY_KEY = "supervisor.rpcinterface_factory";

  static List<RpcInterfaceConfig> read(LoadContext ctx) throws ConfigException {
    List<RpcInterfaceConfig> out = new ArrayList<>();
    for (String section : ctx.ini.sections()) {
      if (!section.startsWith(PREFIX)) {
        continue;
      }
      String name = section.substring(PREFIX.length());
      String factory = ctx.getEnvOnly(section, FACTORY_KEY, null);
      if (factory == null) {
        throw new ConfigException("section [" + section + "] does not specify a " + FACTORY_KEY);
      }
      EntryPoints.resolve(factory, section, List.of(EntryPoints.MAIN_RPC_INTERFACE));
      Map<String, String> extra = new LinkedHashMap<>();
      for (String key : ctx.ini.options(section)) {
        if (!key.equals(FACTORY_KEY)) {
          extra.put(key, ctx.getEnvOnly(section, key, null));
        }
      }
      out.add(new RpcInterfaceConfig(name, factory, extra));
    }
    return out;
  }

  /**
   * Supervisor calls each factory with its extra keys when it opens an HTTP server; the main
   * interface takes none, so any extra key (often a {@code [DEFAULT]} leaking in) fails start-up.
   * Without HTTP servers the factories are never called and nothing fails.
   */
  static void checkInstantiable(List<RpcInterfaceConfig> interfaces, List<HttpServerConfig> servers)
      throws ConfigException {
    if (servers.isEmpty()) {
      return;
    }
    for (RpcInterfaceConfig rpc : interfaces) {
      if (!rpc.extra().isEmpty()) {
        throw new ConfigException("Could not make " + rpc.name() + " rpc interface");
      }
    }
  }
}
