package dev.supervisor4j.daemon.ledger;

import com.typesafe.config.Config;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.persistence.jdbc.db.DefaultSlickDatabaseProvider;
import org.apache.pekko.persistence.jdbc.db.LazySlickDatabase;
import org.apache.pekko.persistence.jdbc.db.SlickDatabase;
import org.apache.pekko.persistence.jdbc.db.SlickDatabaseProvider;

/**
 * pekko-persistence-jdbc's database provider for the ledger: the three plugins of one opening of
 * the journal (process events, operator actions, snapshots) share one Slick database (one small
 * pool), as pekko-persistence-jdbc's shared databases would; but shared databases are fixed when the
 * actor system starts, and an opening is made at a restart. A plugin whose config names an opening
 * ({@value #KEY}) gets that opening's database; any other gets the default provider's. The database
 * is closed by {@link #close} when its ledger has stopped (its plugins never close a shared one).
 *
 * <p>The cost: the open databases are in a static map (pekko-persistence-jdbc creates the provider
 * by reflection and hands it no more than the actor system); names are unique in the JVM.
 */
public final class LedgerDatabases implements SlickDatabaseProvider {
  /** The plugin config key naming the opening whose database the plugin uses. */
  static final String KEY = "supervisor4j-database";

  private static final Map<String, LazySlickDatabase> OPEN = new ConcurrentHashMap<>();
  private static final AtomicLong NAMES = new AtomicLong();

  private final ActorSystem system;
  private final SlickDatabaseProvider fallback;

  public LedgerDatabases(ActorSystem system) {
    this.system = system;
    this.fallback = new DefaultSlickDatabaseProvider(system);
  }

  /** A name for a new opening's database. */
  static String newName() {
    return "ledger-database-" + NAMES.incrementAndGet();
  }

  @Override
  public SlickDatabase database(Config config) {
    if (!config.hasPath(KEY)) {
      return fallback.database(config);
    }
    // created on first use, from the plugin's slick block (the same in the three plugins)
    return OPEN.computeIfAbsent(config.getString(KEY), name -> new LazySlickDatabase(config.getConfig("slick"), system));
  }

  /** Closes the opening's database, if it was used. */
  static void close(String name) {
    LazySlickDatabase db = OPEN.remove(name);
    if (db != null) {
      db.database().close();
    }
  }
}
