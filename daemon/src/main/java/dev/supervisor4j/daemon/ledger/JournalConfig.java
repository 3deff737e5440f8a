package dev.supervisor4j.daemon.ledger;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import dev.supervisor4j.daemon.config.HistorySettings;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Pekko settings of the ledger's journal, from {@code [history]}: pekko-persistence-jdbc, given
 * to the ledger's streams as runtime plugin config ({@link LedgerStream.Plugins}) rather than in the
 * actor system's, so that a restart can open another journal (or none) in the same actor system.
 * Each opening has plugin ids of its own ({@code <prefix>-journal}, {@code -actions},
 * {@code -snapshot}: Pekko keeps a plugin per id) and one small connection pool for the three
 * ({@link LedgerDatabases}), closed when its ledger has stopped. H2 (the default) gets {@code WRITE_DELAY=0} (without it an
 * acknowledged write is lost on {@code kill -9}) and our idempotent schema script on every
 * connection; other databases must have the tables already (pekko-persistence-jdbc's scripts for
 * them).
 *
 * <p>Timeouts are short on purpose: a journal that cannot be reached must make history unavailable
 * in seconds, not hold the ledger for Hikari's default three minutes.
 */
public final class JournalConfig {
  private JournalConfig() {}

  private static final String SCHEMA = "INIT=RUNSCRIPT FROM 'classpath:ledger/h2-schema.sql'";

  /** Profile and driver by the URL's subprotocol. */
  private static final Map<String, String[]> DATABASES = Map.of(
      "h2", new String[] {"slick.jdbc.H2Profile$", "org.h2.Driver"},
      "postgresql", new String[] {"slick.jdbc.PostgresProfile$", "org.postgresql.Driver"},
      "mysql", new String[] {"slick.jdbc.MySQLProfile$", "com.mysql.cj.jdbc.Driver"},
      "mariadb", new String[] {"slick.jdbc.MySQLProfile$", "org.mariadb.jdbc.Driver"},
      "sqlserver", new String[] {"slick.jdbc.SQLServerProfile$", "com.microsoft.sqlserver.jdbc.SQLServerDriver"},
      "oracle", new String[] {"slick.jdbc.OracleProfile$", "oracle.jdbc.OracleDriver"});

  /**
   * What the actor system needs for a ledger whatever {@code [history]} says (it may be enabled at a
   * restart): the serializer, and how streams and journals behave under load.
   */
  public static Config system() {
    return ConfigFactory.parseString(String.join("\n",
        // A slow journal makes streams stash; past this, records are dropped (supervision goes on).
        "pekko.persistence.typed.stash-capacity = 20000",
        "pekko.persistence.typed.stash-overflow-strategy = drop",
        // A journal that is slow only because a crash loop saturates the CPU (its threads run at
        // nice 10) must not count as failed: a broken one (locked, corrupt, unreachable) fails
        // fast on its own, through the 3 s connection timeout.
        "pekko.persistence.journal-plugin-fallback.recovery-event-timeout = 60s",
        "pekko.persistence.journal-plugin-fallback.circuit-breaker.call-timeout = 60s",
        "pekko.persistence.snapshot-store-plugin-fallback.circuit-breaker.call-timeout = 60s",
        "pekko-persistence-jdbc.database-provider-fqcn = \"" + LedgerDatabases.class.getName() + "\""))
        .withFallback(LedgerSerializer.config());
  }

  /**
   * One opening of the journal: the plugins of the process streams and of the daemon stream, and
   * the ids of every plugin (to stop them, which closes their connections, when the ledger closes).
   */
  public record Opening(LedgerStream.Plugins processes, LedgerStream.Plugins actions, List<String> pluginIds,
      String database) {
    /** Once the ledger has stopped and its plugins are told to stop: closes the database. */
    public void closeDatabase() {
      LedgerDatabases.close(database);
    }
  }

  /**
   * @param prefix     makes the plugin ids: unique in the actor system for each opening
   * @param system     the actor system's config (pekko-persistence-jdbc's defaults)
   * @param dispatcher where the plugin actors run
   */
  public static Opening opening(HistorySettings history, String prefix, Config system, String dispatcher) {
    String url = url(history);
    String[] db = database(url);
    String database = LedgerDatabases.newName();
    Config slick = ConfigFactory.parseString(String.join("\n",
        // one pool for the three plugins (LedgerDatabases)
        "slick.db {",
        "  numThreads = 3, maxConnections = 3, minConnections = 1",
        "  connectionTimeout = 3000, validationTimeout = 1000",
        "  initializationFailTimeout = -1",
        "}",
        "plugin-dispatcher = \"" + dispatcher + "\""))
        .withValue(LedgerDatabases.KEY, ConfigValueFactory.fromAnyRef(database))
        .withValue("slick.profile", ConfigValueFactory.fromAnyRef(db[0]))
        .withValue("slick.db.driver", ConfigValueFactory.fromAnyRef(db[1]))
        .withValue("slick.db.url", ConfigValueFactory.fromAnyRef(url))
        .withValue("slick.db.user", ConfigValueFactory.fromAnyRef(history.user()))
        .withValue("slick.db.password", ConfigValueFactory.fromAnyRef(history.password()));
    Config journal = system.getConfig("jdbc-journal");
    String journalId = prefix + "-journal";
    String actionsId = prefix + "-actions";
    String snapshotId = prefix + "-snapshot";
    // Process events: at most two batch inserts at a time; operator actions: one, on a connection
    // of their own, so that an answer never waits for a crash loop's batches.
    Config plugins = slick.withFallback(journal)
        .withValue("parallelism", ConfigValueFactory.fromAnyRef(2)).atKey(journalId)
        .withFallback(slick.withFallback(journal)
            .withValue("parallelism", ConfigValueFactory.fromAnyRef(1)).atKey(actionsId))
        .withFallback(slick.withFallback(system.getConfig("jdbc-snapshot-store")).atKey(snapshotId));
    LedgerStream.Plugins processes = new LedgerStream.Plugins(journalId, snapshotId, Optional.of(plugins));
    return new Opening(processes, processes.withJournal(actionsId), List.of(journalId, actionsId, snapshotId),
        database);
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
