/**
 * Child output: one {@link dev.supervisor4j.daemon.output.OutputPump} thread per pipe reads 64 KiB
 * chunks and hands them to an {@link dev.supervisor4j.daemon.output.OutputSink} chain built by
 * {@link dev.supervisor4j.daemon.output.OutputChain}: {@code CaptureScanner} (capture mode) →
 * {@code AnsiStripper} (strip_ansi) → {@link dev.supervisor4j.daemon.output.RotatingLogFile},
 * {@code SyslogSink} ({@code *_syslog}), the DEBG copy in the main log and the {@code PROCESS_LOG_*}
 * tap. {@link dev.supervisor4j.daemon.output.Syslog} is the one way to syslog, for child output and
 * for the main log ({@code logfile=syslog}) alike.
 * {@link dev.supervisor4j.daemon.output.ChildLogNames} names, creates and cleans up AUTO logs.
 *
 * <p>Nothing here queues: a slow disk blocks the pump, and the pipe blocks the child.
 */
package dev.supervisor4j.daemon.output;
