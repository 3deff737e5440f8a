package dev.supervisor4j.protocol;

/** supervisord's own state ("mood"); the numeric codes are the wire values. */
public enum SupervisorState {
  /** Defined and reported, but never entered by supervisord 4.2.5. */
  FATAL(2),
  /** Normal operation; autostarts happen only here. */
  RUNNING(1),
  /** SIGHUP or RPC restart: stopping everything before re-reading the config. */
  RESTARTING(0),
  /** SIGTERM/SIGINT/SIGQUIT or RPC shutdown. */
  SHUTDOWN(-1);

  private final int code;

  SupervisorState(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static SupervisorState ofCode(int code) {
    for (SupervisorState s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown supervisor state code " + code);
  }
}
