/**
 * The ledger: the daemon's durable history, event-sourced with Pekko Persistence.
 *
 * <ul>
 *   <li>{@link dev.supervisor4j.daemon.ledger.LedgerEvent} — what is persisted: state changes,
 *       operator actions, config rereads, daemon starts and stops.</li>
 *   <li>{@link dev.supervisor4j.daemon.ledger.LedgerStream} — one EventSourcedBehavior per process
 *       ({@code process|group:name}) plus {@code daemon}; its {@link dev.supervisor4j.daemon.ledger.LedgerState}
 *       is the bounded, queryable history; snapshots delete older events. A process stream writes
 *       its state changes in batches (a row a second at most, or 64 changes), the daemon stream
 *       each event at once.</li>
 *   <li>{@link dev.supervisor4j.daemon.ledger.Ledger} — routes records to streams, opens the journal
 *       late, and decides availability (CRIT when the journal fails; retried every minute).</li>
 *   <li>{@link dev.supervisor4j.daemon.ledger.ProcessEventFeed} — the one adapter from the event hub;
 *       {@link dev.supervisor4j.daemon.ledger.ActionLog} — how the API and signal handlers write;
 *       {@link dev.supervisor4j.daemon.ledger.HistoryView} — pure shaping of answers;
 *       {@link dev.supervisor4j.daemon.ledger.JournalConfig} — {@code [history]} as Pekko settings.</li>
 *   <li>{@link dev.supervisor4j.daemon.ledger.ChildIdentity} — who a child is in {@code /proc} (pid,
 *       start time, boot id), recorded at STARTING so that the children a crashed daemon left behind
 *       can be found, and never confused with a later process that got the same pid.</li>
 * </ul>
 *
 * <p>Supervision never waits for any of it: records are told, never asked; only an operator's
 * answer waits (at most two seconds) for its own action to be written.
 */
package dev.supervisor4j.daemon.ledger;
