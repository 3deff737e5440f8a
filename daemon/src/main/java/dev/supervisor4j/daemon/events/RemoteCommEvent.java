package dev.supervisor4j.daemon.events;

/** REMOTE_COMMUNICATION: {@code supervisor.sendRemoteCommEvent(type, data)}. */
public record RemoteCommEvent(String commType, String data) implements SupervisorEvent {
  @Override
  public EventType type() {
    return EventType.REMOTE_COMMUNICATION;
  }
}
