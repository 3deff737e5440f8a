package dev.supervisor4j.daemon.config;

/** {@code autorestart}: what happens after a process exits from RUNNING. */
public enum AutoRestart {
  /** Never restart. */
  FALSE,
  /** Restart when the exit status is not in {@code exitcodes} (a signal death is unexpected). */
  UNEXPECTED,
  /** Always restart. */
  TRUE
}
