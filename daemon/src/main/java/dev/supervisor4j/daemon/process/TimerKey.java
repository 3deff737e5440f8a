package dev.supervisor4j.daemon.process;

/**
 * The one timer key of a ProcessActor. Starting a timer with it cancels the previous one, and a
 * cancelled timer's message is never delivered: a state time-out dies with its state.
 */
enum TimerKey {
  /** The state's own time-out: startsecs, the backoff delay, stopwaitsecs. */
  STATE,
  /** STOPPING's "waiting for x to stop" report while an operator waits for a stop. */
  REPORT
}
