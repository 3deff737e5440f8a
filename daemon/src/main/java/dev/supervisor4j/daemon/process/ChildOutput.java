package dev.supervisor4j.daemon.process;

import dev.supervisor4j.daemon.spawn.RunningChild;
import java.io.IOException;

/**
 * Where a process's stdout and stderr go. Each spawn attaches the new child's pipes; the readers
 * run on their own threads, never on the actor's.
 */
public interface ChildOutput {
  /** Starts reading the child's pipes into the process's logs. */
  void attach(RunningChild child);

  /** Reopens the log files (SIGUSR2), or truncates them (clearProcessLogs) when {@code clear}. */
  void reopen(boolean clear) throws IOException;

  /** The resolved stdout log path, {@code ""} when there is none. */
  String stdoutPath();

  /** The resolved stderr log path, {@code ""} when there is none. */
  String stderrPath();

  /** Closes the log files for good (the process was removed). */
  void close();

  /** No capture at all: for tests and for {@code NONE} logs. */
  ChildOutput DISCARD = new ChildOutput() {
    @Override
    public void attach(RunningChild child) {}

    @Override
    public void reopen(boolean clear) {}

    @Override
    public String stdoutPath() {
      return "";
    }

    @Override
    public String stderrPath() {
      return "";
    }

    @Override
    public void close() {}
  };
}
