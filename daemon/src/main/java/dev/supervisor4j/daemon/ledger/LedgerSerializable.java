package dev.supervisor4j.daemon.ledger;

/**
 * Marks what the journal stores (events and snapshots): bound to Jackson JSON in the ledger's
 * Pekko settings, so rows stay readable with plain SQL and survive a class being renamed more easily
 * than Java serialisation would.
 */
public interface LedgerSerializable {}
