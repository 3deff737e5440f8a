package dev.supervisor4j.daemon.config;

import dev.supervisor4j.protocol.python.PyRepr;
import java.nio.file.Path;

/**
 * Reads {@code [history]}. Every option is optional, and so is the section: without it history is
 * on, in an H2 file named after the pidfile ({@code supervisord.pid} → {@code supervisord-history.mv.db}).
 */
final class HistorySection {
  private HistorySection() {}

  static final String NAME = "history";

  static HistorySettings read(LoadContext ctx, Path pidfile) throws ConfigException {
    try {
      return build(ctx, pidfile);
    } catch (ConfigException e) {
      throw new ConfigException(e.getMessage() + " in section " + PyRepr.of(NAME) + " (file: "
          + PyRepr.of(ctx.fileOf(NAME)) + ")", e);
    }
  }

  private static HistorySettings build(LoadContext ctx, Path pidfile) throws ConfigException {
    boolean enabled = Datatypes.bool(get(ctx, "enabled", "true"));
    String url = get(ctx, "url", null);
    if (url == null || url.isBlank()) {
      url = "jdbc:h2:file:" + defaultFile(pidfile);
    } else if (!url.startsWith("jdbc:")) {
      throw new ConfigException("url must be a JDBC URL (jdbc:h2:file:..., jdbc:postgresql://...): "
          + PyRepr.of(url));
    }
    int retention = nonNegative("retention_days", get(ctx, "retention_days",
        String.valueOf(HistorySettings.DEFAULT_RETENTION_DAYS)));
    int max = nonNegative("max_events_per_process", get(ctx, "max_events_per_process",
        String.valueOf(HistorySettings.DEFAULT_MAX_EVENTS)));
    if (max < 10) {
      throw new ConfigException("max_events_per_process must be at least 10: " + max);
    }
    return new HistorySettings(enabled, url, get(ctx, "user", "sa"), get(ctx, "password", ""),
        retention, max, Datatypes.bool(get(ctx, "remember_stopped", "false")));
  }

  /** {@code <pidfile dir>/<pidfile name without .pid>-history}; H2 adds {@code .mv.db}. */
  static Path defaultFile(Path pidfile) {
    String name = pidfile.getFileName().toString();
    String stem = name.endsWith(".pid") ? name.substring(0, name.length() - 4) : name;
    return pidfile.toAbsolutePath().resolveSibling(stem + "-history");
  }

  private static int nonNegative(String option, String value) throws ConfigException {
    int n = Datatypes.integer(value);
    if (n < 0) {
      throw new ConfigException(option + " must not be negative: " + value);
    }
    return n;
  }

  private static String get(LoadContext ctx, String option, String dflt) throws ConfigException {
    return ctx.getWithHere(NAME, option, dflt);
  }
}
