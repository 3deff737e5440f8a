package dev.supervisor4j.daemon.ledger;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import dev.supervisor4j.daemon.config.HistorySettings;
import java.util.Locale;
import java.util.Map;

/**
 * The Pekko settings of the ledger's journal, from {@code [history]}: pekko-persistence-jdbc on one
 * shared Slick database. H2 (the default) gets {@code WRITE_DELAY=0} (without it an acknowledged
 * write is lost on {@code kill -9}) and our idempotent schema script on every connection; other
 * databases must have the tables already (pekko-persistence-jdbc's scripts for them).
 *
 * <p>Timeouts are short on purpose: a journal that cannot be reached must make history unavailable
 * in seconds, not hold the ledger for Hikari's default three minutes.
 */
public final class JournalConfig {
  private JournalConfig() {}

  /** The daemon stream's journal: the same database, its own plugin actor and write queue. */
  public static final String ACTIONS_JOURNAL = "supervisor4j.actions-journal";

  private static final String SCHEMA = "INIT=RUNSCRIPT FROM 'classpath:ledger/h2-schema.sql'";

  /** Profile and driver by the URL's subprotocol. */
  private static final Map<String, String[]> DATABASES = Map.of(
      "h2", new String[] {"slick.jdbc.H2Profile$", "org.h2.Driver"},
      "postgresql", new String[] {"slick.jdbc.PostgresProfile$", "org.postgresql.Driver"},
      "mysql", new String[] {"slick.jdbc.MySQLProfile$", "com.mysql.cj.jdbc.Driver"},
      "mariadb", new String[] {"slick.jdbc.MySQLProfile$", "org.mariadb.jdbc.Driver"},
      "sqlserver", new String[] {"slick.jdbc.SQLServerProfile$", "com.microsoft.sqlserver.jdbc.SQLServerDriver"},
      "oracle", new String[] {"slick.jdbc.OracleProfile$", "oracle.jdbc.OracleDriver"});

  /** The settings to put in front of the daemon's Pekko config. */
  public static Config of(HistorySettings history) {
    String url = url(history);
    String[] db = database(url);
    return ConfigFactory.parseString(String.join("\n",
        "pekko.persistence.journal.plugin = \"jdbc-journal\"",
        "pekko.persistence.snapshot-store.plugin = \"jdbc-snapshot-store\"",
        "jdbc-journal.use-shared-db = \"slick\"",
        "jdbc-snapshot-store.use-shared-db = \"slick\"",
        "jdbc-read-journal.use-shared-db = \"slick\"",
        "jdbc-durable-state-store.use-shared-db = \"slick\"",
        ACTIONS_JOURNAL + " = ${jdbc-journal}",
        // Process events: at most two batch inserts at a time; operator actions: one, on a
        // connection of their own, so that an answer never waits for a crash loop's batches.
        "jdbc-journal.parallelism = 2",
        ACTIONS_JOURNAL + ".parallelism = 1",
        "pekko-persistence-jdbc.shared-databases.slick.db {",
        "  numThreads = 3, maxConnections = 3, minConnections = 1",
        "  connectionTimeout = 3000, validationTimeout = 1000",
        "  initializationFailTimeout = -1",
        "}",
        // A slow journal makes streams stash; past this, records are dropped (supervision goes on).
        "pekko.persistence.typed.stash-capacity = 20000",
        "pekko.persistence.typed.stash-overflow-strategy = drop",
        // A journal that is slow only because a crash loop saturates the CPU (its threads run at
        // nice 10) must not count as failed: a broken one (locked, corrupt, unreachable) fails
        // fast on its own, through the 3 s connection timeout.
        "pekko.persistence.journal-plugin-fallback.recovery-event-timeout = 60s",
        "pekko.persistence.journal-plugin-fallback.circuit-breaker.call-timeout = 60s",
        "pekko.persistence.snapshot-store-plugin-fallback.circuit-breaker.call-timeout = 60s"))
        .withFallback(LedgerSerializer.config())
        .withValue("pekko-persistence-jdbc.shared-databases.slick.profile", ConfigValueFactory.fromAnyRef(db[0]))
        .withValue("pekko-persistence-jdbc.shared-databases.slick.db.driver", ConfigValueFactory.fromAnyRef(db[1]))
        .withValue("pekko-persistence-jdbc.shared-databases.slick.db.url", ConfigValueFactory.fromAnyRef(url))
        .withValue("pekko-persistence-jdbc.shared-databases.slick.db.user",
            ConfigValueFactory.fromAnyRef(history.user()))
        .withValue("pekko-persistence-jdbc.shared-databases.slick.db.password",
            ConfigValueFactory.fromAnyRef(history.password()));
  }

  /** The URL with our H2 settings added where the user did not set them. */
  static String url(HistorySettings history) {
    String url = history.url();
    if (!history.isH2()) {
      return url;
    }
    String upper = url.toUpperCase(Locale.ROOT);
    if (!upper.contains(";WRITE_DELAY=")) {
      url += ";WRITE_DELAY=0";
    }
    if (!upper.contains(";CACHE_SIZE=")) {
      // H2 caches 16 MB by default: a quarter of the daemon's heap. The ledger answers reads from
      // memory and mostly appends, so a small page cache does; the heap stays for supervision.
      url += ";CACHE_SIZE=1024";
    }
    if (!upper.contains(";DB_CLOSE_ON_EXIT=")) {
      url += ";DB_CLOSE_ON_EXIT=FALSE"; // the ledger closes it, after its last write
    }
    if (!upper.contains(";INIT=")) {
      url += ";" + SCHEMA;
    }
    return url;
  }

  /** The URL as shown in messages: without its {@code ;key=value} settings (no credentials). */
  public static String shown(HistorySettings history) {
    String url = history.url();
    int semicolon = url.indexOf(';');
    return semicolon < 0 ? url : url.substring(0, semicolon);
  }

  private static String[] database(String url) {
    String rest = url.substring("jdbc:".length());
    int colon = rest.indexOf(':');
    String sub = colon < 0 ? rest : rest.substring(0, colon);
    String[] db = DATABASES.get(sub);
    if (db == null) {
      // Unknown subprotocol: Slick's generic JDBC profile, driver found by DriverManager.
      return new String[] {"slick.jdbc.H2Profile$", ""};
    }
    return db;
  }
}
