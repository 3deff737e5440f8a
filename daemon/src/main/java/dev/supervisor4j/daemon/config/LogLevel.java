package dev.supervisor4j.daemon.config;

import java.util.Locale;
import java.util.Optional;

/** supervisord's log levels with their numeric values and four-letter labels. */
public enum LogLevel {
  CRITICAL(50, "CRIT"),
  ERROR(40, "ERRO"),
  WARN(30, "WARN"),
  INFO(20, "INFO"),
  DEBUG(10, "DEBG"),
  TRACE(5, "TRAC"),
  BLATHER(3, "BLAT");

  private final int value;
  private final String label;

  LogLevel(int value, String label) {
    this.value = value;
    this.label = label;
  }

  public int value() {
    return value;
  }

  /** The four-letter label in main-log lines. */
  public String label() {
    return label;
  }

  /** Parses a config/command-line level name, any case; {@code warning} is rejected, as Supervisor does. */
  public static Optional<LogLevel> parse(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    switch (s) {
      case "critical": return Optional.of(CRITICAL);
      case "error": return Optional.of(ERROR);
      case "warn": return Optional.of(WARN);
      case "info": return Optional.of(INFO);
      case "debug": return Optional.of(DEBUG);
      case "trace": return Optional.of(TRACE);
      case "blather": return Optional.of(BLATHER);
      default: return Optional.empty();
    }
  }
}
