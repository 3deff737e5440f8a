/**
 * Small actor utilities shared by the tree: {@link dev.supervisor4j.daemon.actor.Collector} (the
 * aggregator pattern), {@link dev.supervisor4j.daemon.actor.ActorNames} and
 * {@link dev.supervisor4j.daemon.actor.Refusable} (a request any hop can answer with a fault).
 */
package dev.supervisor4j.daemon.actor;
