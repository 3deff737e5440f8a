/**
 * Making and watching children on Linux, as supervisord does.
 *
 * <ul>
 *   <li>{@link dev.supervisor4j.daemon.spawn.ProcessSpawner}, {@link
 *       dev.supervisor4j.daemon.spawn.RunningChild}: the seam; actor tests use a scripted fake.
 *   <li>{@link dev.supervisor4j.daemon.spawn.CommandLine} (shlex split) and {@link
 *       dev.supervisor4j.daemon.spawn.CommandResolver} (PATH lookup and the pre-spawn checks):
 *       pure, run before every start attempt, and they throw supervisord's spawnerr texts.
 *   <li>{@link dev.supervisor4j.daemon.spawn.OsProcessSpawner}: the real spawner. Inside it,
 *       {@code SpawnThread} runs the user, directory and umask steps on itself and calls {@code
 *       PosixSpawn} with {@code ChildPipes}; {@code ChildReaper} waits for every child of the JVM
 *       and decodes wait statuses ({@code WaitStatus}); {@code OsRunningChild} is the result.
 *   <li>{@link dev.supervisor4j.daemon.spawn.SharedSocket}: an fcgi group's listening socket
 *       (made by {@code ListeningSocket}), counted by the children that hold it as their fd 0; a
 *       {@link dev.supervisor4j.daemon.spawn.SpawnRequest} that carries it gets no stdin pipe.
 *   <li>{@link dev.supervisor4j.daemon.spawn.Signals} (kill(2)) and {@link
 *       dev.supervisor4j.daemon.spawn.Subreaper} (prctl): small JNA calls through {@code LibC}.
 * </ul>
 */
package dev.supervisor4j.daemon.spawn;
