package dev.supervisor4j.daemon;

import dev.supervisor4j.daemon.config.ConfigException;
import dev.supervisor4j.daemon.config.SupervisordConfig;

/** Reads the config again, for a restart (SIGHUP) and for reread. */
@FunctionalInterface
public interface ConfigSource {
  SupervisordConfig load() throws ConfigException;
}
