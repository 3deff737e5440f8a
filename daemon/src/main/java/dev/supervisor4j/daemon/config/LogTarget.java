package dev.supervisor4j.daemon.config;

import java.nio.file.Path;

/** Where a child's stdout or stderr goes: {@code AUTO}, {@code NONE}/{@code OFF}, or a named file. */
public sealed interface LogTarget {
  /** A file in {@code childlogdir} named by Supervisor's AUTO rule, created when the group is built. */
  record Auto() implements LogTarget {}

  /** No file: reads fail with NO_FILE, tails return nothing. */
  record None() implements LogTarget {}

  /**
   * A named file (already %-expanded, {@code ~} expanded); its directory existed at load. A relative
   * path stays relative, as in Supervisor, which opens it against the daemon's working directory.
   */
  record File(Path path) implements LogTarget {}

  LogTarget AUTO = new Auto();
  LogTarget NONE = new None();
}
