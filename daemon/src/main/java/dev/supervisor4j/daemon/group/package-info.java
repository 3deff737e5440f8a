/**
 * Process groups. A {@link dev.supervisor4j.daemon.group.GroupActor} makes its members' actors
 * (through a {@link dev.supervisor4j.daemon.group.ProcessFactory}) and supervises them, and answers
 * every group-wide request itself: autostart in start order, the shutdown stop, the group and "all"
 * methods ({@link dev.supervisor4j.daemon.group.GroupOp}, each member's
 * {@link dev.supervisor4j.daemon.group.Outcome} ordered by
 * {@link dev.supervisor4j.daemon.group.ResultOrder}, a pure function), one member's requests, and
 * the per-process update ({@link dev.supervisor4j.daemon.group.GroupUpdate}, a pure plan). An
 * {@code [fcgi-program:x]} group also owns its listening socket
 * ({@link dev.supervisor4j.daemon.spawn.SharedSocket}) and hands it to each member it makes.
 */
package dev.supervisor4j.daemon.group;
