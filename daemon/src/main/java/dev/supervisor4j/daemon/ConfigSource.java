package dev.supervisor4j.daemon;

import dev.supervisor4j.daemon.config.ConfigException;
import dev.supervisor4j.daemon.config.SupervisordConfig;

/** Reads the config again, for a restart (SIGHUP) and for reread. */
@FunctionalInterface
public interface ConfigSource {
  SupervisordConfig load() throws ConfigException;

  /**
   * Runs before the groups of {@code config} are built, at start-up and after each restart: the
   * main log is (re)opened, old AUTO logs cleaned, the pidfile written.
   */
  default void prepare(SupervisordConfig config) {}
}
