package dev.supervisor4j.daemon.events;

/**
 * What the EventHub receives: subscriptions, the events it fans out, and process actors' bare
 * {@code process.ProcessEvent}s. Publishers hold a narrowed {@code ActorRef} to the hub.
 */
public interface HubMsg {}
