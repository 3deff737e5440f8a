package dev.supervisor4j.daemon.events;

/**
 * SUPERVISOR_STATE_CHANGE_RUNNING (the groups are in place, after each start and reload) or
 * SUPERVISOR_STATE_CHANGE_STOPPING (a shutdown or restart began). The payload is empty.
 */
public enum SupervisorStateEvent implements SupervisorEvent {
  RUNNING(EventType.SUPERVISOR_STATE_CHANGE_RUNNING),
  STOPPING(EventType.SUPERVISOR_STATE_CHANGE_STOPPING);

  private final EventType type;

  SupervisorStateEvent(EventType type) {
    this.type = type;
  }

  @Override
  public EventType type() {
    return type;
  }
}
