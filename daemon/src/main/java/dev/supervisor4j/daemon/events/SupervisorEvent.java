package dev.supervisor4j.daemon.events;

/**
 * Something that happened, as Supervisor's event system carries it: process state changes
 * ({@code process.ProcessEvent}), output and communication events, ticks, the daemon's own state,
 * groups coming and going. Immutable. Publishers tell it to the {@link EventHub}.
 *
 * <p>Not sealed only because {@code ProcessEvent} lives in the process package (Java allows a
 * sealed hierarchy across packages only in a named module); {@link EventPayloads} knows every kind.
 */
public interface SupervisorEvent extends HubMsg {
  /** Supervisor's type of this event (never an abstract one). */
  EventType type();
}
