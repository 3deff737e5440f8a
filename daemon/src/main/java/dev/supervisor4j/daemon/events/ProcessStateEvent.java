package dev.supervisor4j.daemon.events;

import dev.supervisor4j.daemon.process.ProcessEvent;

/**
 * PROCESS_STATE_* (PROCESS_STATE_ and the new state's name): a process actor's {@link ProcessEvent}
 * as the event system carries it. The hub wraps each state change it receives in one of these, so
 * the process package knows nothing of event types.
 */
public record ProcessStateEvent(ProcessEvent change) implements SupervisorEvent {
  @Override
  public EventType type() {
    return EventType.forState(change.to());
  }
}
