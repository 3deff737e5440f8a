package dev.supervisor4j.daemon.events;

/** Where one listener process stands in the READY/RESULT protocol (Supervisor's codes). */
public enum ListenerState {
  /** Waiting for {@code READY\n}: the state after each spawn and after each result. */
  ACKNOWLEDGED(30),
  /** Said {@code READY\n}; the next event goes to it. */
  READY(10),
  /** An event was sent; waiting for {@code RESULT <n>\n} and the body. */
  BUSY(20),
  /** Broke the protocol: gets no more events until its process restarts. */
  UNKNOWN(40);

  private final int code;

  ListenerState(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
