/**
 * The main ("activity") log: {@link dev.supervisor4j.daemon.log.MainLog} configures Logback so the
 * {@code supervisord} logger writes supervisord's line format, filtered by its seven numeric levels,
 * to a file that rotates after every record (reusing {@code output.RotatingLogFile}) or, with
 * {@code logfile=syslog}, to {@code output.Syslog} one message per line, plus a copy on stdout in
 * nodaemon mode.
 */
package dev.supervisor4j.daemon.log;
