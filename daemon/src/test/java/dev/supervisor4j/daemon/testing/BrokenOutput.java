package dev.supervisor4j.daemon.testing;

import dev.supervisor4j.daemon.process.ChildOutput;
import dev.supervisor4j.daemon.spawn.RunningChild;

/** Output whose log reopening throws: a bug of ours, as a process actor meets it. */
public final class BrokenOutput implements ChildOutput {
  @Override
  public void attach(RunningChild child) {}

  @Override
  public void reopen(boolean clear) {
    throw new IllegalStateException("a bug of ours");
  }

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
}
