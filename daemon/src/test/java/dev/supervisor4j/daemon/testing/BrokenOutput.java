package dev.supervisor4j.daemon.testing;

import dev.supervisor4j.daemon.process.ChildOutput;
import dev.supervisor4j.daemon.spawn.RunningChild;

/** Output whose log reopening throws: a bug of ours, as a process actor meets it. Else as DISCARD. */
public final class BrokenOutput implements ChildOutput {
  @Override
  public void reopen(boolean clear) {
    throw new IllegalStateException("a bug of ours");
  }

  @Override
  public void attach(RunningChild child) {
    DISCARD.attach(child);
  }

  @Override
  public String stdoutPath() {
    return DISCARD.stdoutPath();
  }

  @Override
  public String stderrPath() {
    return DISCARD.stderrPath();
  }

  @Override
  public void close() {
    DISCARD.close();
  }
}
