package dev.supervisor4j.daemon.config;

/**
 * A message the loader produced (an {@code Included extra file} INFO, a load-time WARN), held until
 * the main log is open; Supervisor flushes them CRIT first, then WARN, then INFO.
 */
public record LoadMessage(LogLevel level, String text) {}
