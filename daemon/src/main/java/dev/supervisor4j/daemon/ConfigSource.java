package dev.supervisor4j.daemon;

import dev.supervisor4j.daemon.config.ConfigException;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Reads the config again, for reread and for a restart (SIGHUP). */
@FunctionalInterface
public interface ConfigSource {
  /** The config as the file says now (reread: nothing else happens). */
  SupervisordConfig load() throws ConfigException;

  /** A reread (reloadConfig): {@link #load}, off the caller's thread. */
  default CompletionStage<SupervisordConfig> reread() {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return load();
      } catch (ConfigException e) {
        throw new CompletionException(e);
      }
    });
  }

  /**
   * A restart, once every process has stopped: reads the config and readies what the new run needs
   * (the main log reopened, old AUTO logs cleaned, the pidfile written, the history told), off the
   * root's thread. Fails with a {@link ConfigException} for an invalid config.
   */
  default CompletionStage<SupervisordConfig> restart() {
    return reread();
  }
}
