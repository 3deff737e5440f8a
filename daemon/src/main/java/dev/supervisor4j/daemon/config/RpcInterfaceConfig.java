package dev.supervisor4j.daemon.config;

import java.util.Map;

/**
 * An {@code [rpcinterface:x]} section: the factory named and the extra keys passed to it.
 *
 * @param name    the text after {@code rpcinterface:}
 * @param factory {@code supervisor.rpcinterface_factory}
 * @param extra   every other key
 */
public record RpcInterfaceConfig(String name, String factory, Map<String, String> extra) {
  public RpcInterfaceConfig {
    extra = Map.copyOf(extra);
  }
}
