package dev.supervisor4j.daemon.runtime;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/** The Pekko settings of the daemon: quiet, no JVM shutdown hooks (we handle signals ourselves). */
final class PekkoSettings {
  private PekkoSettings() {}

  static Config daemon() {
    return ConfigFactory.parseString(String.join("\n",
        "pekko.loggers = [\"org.apache.pekko.event.slf4j.Slf4jLogger\"]",
        "pekko.logging-filter = \"org.apache.pekko.event.slf4j.Slf4jLoggingFilter\"",
        "pekko.loglevel = WARNING",
        "pekko.stdout-loglevel = OFF",
        "pekko.log-dead-letters = off",
        "pekko.log-dead-letters-during-shutdown = off",
        "pekko.jvm-shutdown-hooks = off",
        "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off",
        "pekko.coordinated-shutdown.terminate-actor-system = on",
        // Few threads: the actors do little work each; blocking I/O lives on its own threads.
        "pekko.actor.default-dispatcher.fork-join-executor.parallelism-min = 2",
        "pekko.actor.default-dispatcher.fork-join-executor.parallelism-max = 4",
        "pekko.actor.internal-dispatcher.fork-join-executor.parallelism-max = 2"))
        .withFallback(ConfigFactory.load());
  }
}
