package dev.supervisor4j.daemon.events;

/**
 * What the EventHub receives: subscriptions, and the events it fans out (such as
 * {@code ProcessEvent}). Publishers hold a narrowed {@code ActorRef} to the hub.
 */
public interface HubMsg {}
