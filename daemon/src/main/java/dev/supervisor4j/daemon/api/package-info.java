/**
 * {@code SupervisorApi} over the actor tree. {@link dev.supervisor4j.daemon.api.ActorSupervisorApi}
 * answers reads from the status board and sends commands to the root;
 * {@link dev.supervisor4j.daemon.api.AuditedApi} records who asked for what in the history;
 * {@code HistoryReads}, {@code LogReads} and {@code LogFollower} read the ledger and the log files
 * off the actors' threads.
 */
package dev.supervisor4j.daemon.api;
