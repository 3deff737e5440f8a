package dev.supervisor4j.daemon.events;

/**
 * Something that happened, as Supervisor's event system carries it: process state changes
 * ({@link ProcessStateEvent}), output and communication events, ticks, the daemon's own state,
 * groups coming and going. Immutable. Publishers tell it to the {@link EventHub}; process actors
 * tell their bare {@code process.ProcessEvent}, which the hub wraps.
 *
 * <p>Sealed: every kind lives in this package, and {@link EventPayloads} renders each of them.
 */
public sealed interface SupervisorEvent extends HubMsg
    permits ProcessStateEvent, ProcessLogEvent, ProcessCommEvent, RemoteCommEvent, TickEvent, GroupEvent,
        SupervisorStateEvent {
  /** Supervisor's type of this event (never an abstract one). */
  EventType type();
}
