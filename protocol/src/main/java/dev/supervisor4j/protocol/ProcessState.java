package dev.supervisor4j.protocol;

import java.util.EnumSet;
import java.util.Set;

/** A process's state as supervisord reports it; the numeric codes are the wire values. */
public enum ProcessState {
  /** Never started, or stopped on request. */
  STOPPED(0),
  /** Spawned; waiting out {@code startsecs}. */
  STARTING(10),
  /** Up for longer than {@code startsecs}. */
  RUNNING(20),
  /** The last start failed; a retry is pending. */
  BACKOFF(30),
  /** The stop signal was sent. */
  STOPPING(40),
  /** Exited on its own from RUNNING. */
  EXITED(100),
  /** Gave up after too many start retries. */
  FATAL(200),
  /** Signalling it failed in an unexpected way. */
  UNKNOWN(1000);

  /** supervisord's "stopped" set: STOPPED, EXITED, FATAL, UNKNOWN. */
  public static final Set<ProcessState> STOPPED_STATES = EnumSet.of(STOPPED, EXITED, FATAL, UNKNOWN);
  /** supervisord's "running" set: STARTING, RUNNING, BACKOFF. */
  public static final Set<ProcessState> RUNNING_STATES = EnumSet.of(STARTING, RUNNING, BACKOFF);
  /** States in which a process may be sent a signal. */
  public static final Set<ProcessState> SIGNALLABLE_STATES = EnumSet.of(RUNNING, STARTING, STOPPING);

  private final int code;

  ProcessState(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public boolean isStopped() {
    return STOPPED_STATES.contains(this);
  }

  public boolean isRunning() {
    return RUNNING_STATES.contains(this);
  }

  public static ProcessState ofCode(int code) {
    for (ProcessState s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown process state code " + code);
  }
}
