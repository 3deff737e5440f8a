/**
 * Child output: the daemon's one {@link dev.supervisor4j.daemon.output.PipeLoop} (an epoll thread
 * and two writers) reads every child pipe in chunks of up to 64 KiB and hands them to an
 * {@link dev.supervisor4j.daemon.output.OutputSink} chain built by
 * {@link dev.supervisor4j.daemon.output.OutputChain}: {@code CaptureScanner} (capture mode) →
 * {@code AnsiStripper} (strip_ansi) → {@link dev.supervisor4j.daemon.output.RotatingLogFile},
 * {@code SyslogSink} ({@code *_syslog}), the DEBG copy in the main log and the {@code PROCESS_LOG_*}
 * tap. {@link dev.supervisor4j.daemon.output.Syslog} is the one way to syslog, for child output and
 * for the main log ({@code logfile=syslog}) alike.
 * {@link dev.supervisor4j.daemon.output.ChildLogNames} names, creates and cleans up AUTO logs.
 *
 * <p>Nothing here queues: a pipe has one chunk in flight at most, so a slow disk leaves the pipe
 * unread and the pipe blocks the child. {@link dev.supervisor4j.daemon.output.OutputPump} drains a
 * stream that has no descriptor (test doubles) the same way, on a thread of its own.
 */
package dev.supervisor4j.daemon.output;
