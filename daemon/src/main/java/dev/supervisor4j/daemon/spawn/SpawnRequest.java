package dev.supervisor4j.daemon.spawn;

import dev.supervisor4j.daemon.config.UserSpec;
import java.util.List;
import java.util.Map;

/**
 * What to start. The command was already split and resolved (see {@code CommandResolver}), so the
 * spawner only has to make the child.
 *
 * @param executable     the resolved absolute path of the program
 * @param argv           the arguments, argv[0] as the user wrote it
 * @param environment    the complete environment of the child (nothing is inherited beyond this)
 * @param directory      the child's working directory, or null to inherit the daemon's
 * @param user           run as this user (only honoured when the daemon is root), or null
 * @param umask          the child's umask, or null to inherit
 * @param redirectStderr when true the child's fd 2 is its stdout pipe and there is no stderr stream
 */
public record SpawnRequest(
    String executable,
    List<String> argv,
    Map<String, String> environment,
    String directory,
    UserSpec user,
    Integer umask,
    boolean redirectStderr) {
  public SpawnRequest {
    argv = List.copyOf(argv);
    environment = Map.copyOf(environment);
  }
}
