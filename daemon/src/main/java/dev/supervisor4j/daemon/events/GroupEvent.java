package dev.supervisor4j.daemon.events;

/**
 * PROCESS_GROUP_ADDED / PROCESS_GROUP_REMOVED. The hub makes ADDED from {@link EventHub.GroupAdded}; the root
 * publishes REMOVED itself on removeProcessGroup.
 */
public record GroupEvent(boolean added, String group) implements SupervisorEvent {
  @Override
  public EventType type() {
    return added ? EventType.PROCESS_GROUP_ADDED : EventType.PROCESS_GROUP_REMOVED;
  }
}
