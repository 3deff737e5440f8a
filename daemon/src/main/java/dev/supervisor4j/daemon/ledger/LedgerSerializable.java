package dev.supervisor4j.daemon.ledger;

/** Marks what the journal stores (events and snapshots): bound to {@link LedgerSerializer}. */
public interface LedgerSerializable {}
