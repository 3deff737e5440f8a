/**
 * The top of the actor tree. {@link dev.supervisor4j.daemon.RootGuardian} keeps supervisord's own
 * state (RUNNING, RESTARTING, SHUTDOWN), starts the groups in priority order and stops them in
 * reverse, and passes requests to the group they concern; it holds group refs only.
 * {@link dev.supervisor4j.daemon.GroupChanges} applies reread, add, remove and update, planned by
 * pure functions ({@link dev.supervisor4j.daemon.ConfigDiff}, {@code group.GroupUpdate}).
 * {@link dev.supervisor4j.daemon.RootMsg} separates the public commands from self-sent messages.
 * What the daemon shares with its signal handlers ({@link dev.supervisor4j.daemon.Generations}) and
 * its config reader ({@link dev.supervisor4j.daemon.ConfigSource}) are here too; {@code runtime}
 * wires it all and holds {@code main}.
 */
package dev.supervisor4j.daemon;
