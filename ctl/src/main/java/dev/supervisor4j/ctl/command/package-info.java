/**
 * The actions. {@code CommandParser} turns a line into a {@code CtlCommand} record;
 * {@code Controller} runs it with Supervisor's exit-status rules, upcheck, 401 handling and
 * catch-all. The actions live by concern: {@code InfoCommands} (status, pid, version, avail),
 * {@code ProcessCommands} (start, stop, restart, signal, clear), {@code LogCommands} (tail,
 * maintail), {@code ForegroundCommand} (fg), {@code ConfigCommands} (reread, update, add, remove),
 * {@code DaemonCommands} (shutdown, reload, open), {@code HelpCommand}.
 */
package dev.supervisor4j.ctl.command;
