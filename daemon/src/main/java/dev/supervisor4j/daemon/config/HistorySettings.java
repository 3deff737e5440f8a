package dev.supervisor4j.daemon.config;

/**
 * The {@code [history]} section: the ledger's journal and its limits. Supervisor ignores the section,
 * so a config that has it still runs under Supervisor.
 *
 * @param enabled             record history at all (default true)
 * @param url                 the JDBC URL of the journal; by default an H2 file next to the pidfile
 * @param user                the database user (default {@code sa}, H2's)
 * @param password            the database password (default empty)
 * @param retentionDays       events older than this are deleted; 0 keeps them (count limit only)
 * @param maxEventsPerProcess the newest events kept per process (and for operator actions)
 * @param rememberStopped     a program an operator stopped stays stopped across daemon restarts
 */
public record HistorySettings(boolean enabled, String url, String user, String password, int retentionDays,
    int maxEventsPerProcess, boolean rememberStopped) {

  public static final int DEFAULT_RETENTION_DAYS = 30;
  public static final int DEFAULT_MAX_EVENTS = 500;

  /** History off: what configs built in code (tests) get unless they ask for it. */
  public static HistorySettings disabled() {
    return new HistorySettings(false, "", "sa", "", DEFAULT_RETENTION_DAYS, DEFAULT_MAX_EVENTS, false);
  }

  /** Whether {@link #url} is an embedded H2 database (our schema script runs on connect). */
  public boolean isH2() {
    return url.startsWith("jdbc:h2:");
  }
}
