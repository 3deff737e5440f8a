/**
 * The running daemon: what wires the actor tree to the operating system, the servers and the ledger.
 *
 * <ul>
 *   <li>{@link dev.supervisor4j.daemon.runtime.Daemon} — one run: main log, actor system, HTTP
 *       servers, signals; returns the exit status. {@link dev.supervisor4j.daemon.runtime.Daemonizer}
 *       starts it detached for {@code nodaemon=false}.</li>
 *   <li>Before anything starts: {@code StartupChecks} ({@code user=}, {@code minfds},
 *       {@code minprocs}); {@code PidFile}; {@code PekkoSettings};
 *       {@link dev.supervisor4j.daemon.runtime.StartupError} for what fails there.
 *       {@code DaemonLibC} holds the glibc calls the daemon makes about itself.</li>
 *   <li>{@link dev.supervisor4j.daemon.runtime.OsRuntime} — the real spawner and spawn planner;
 *       {@code ProcessLogs} — each process's log files and output events (its {@code ChildOutput}).</li>
 *   <li>{@code DaemonSignals} — TERM, INT, HUP and USR2 become messages to the root;
 *       {@code HttpServers} — the {@code [inet_http_server]} and {@code [unix_http_server]} sections.</li>
 *   <li>{@code History} — the ledger wired in (state changes, operator actions, signals);
 *       {@code Orphans} — children a crashed daemon left behind, stopped before the first
 *       autostart.</li>
 * </ul>
 */
package dev.supervisor4j.daemon.runtime;
