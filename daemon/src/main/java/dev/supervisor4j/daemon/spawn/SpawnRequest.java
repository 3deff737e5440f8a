package dev.supervisor4j.daemon.spawn;

import dev.supervisor4j.daemon.config.UserSpec;
import java.util.List;
import java.util.Map;

/**
 * What to start. The command was already split and resolved (see {@code CommandResolver}), so the
 * spawner only has to make the child.
 *
 * @param executable     the resolved path of the program, exec'd as given
 * @param argv           the arguments, argv[0] as the user wrote it
 * @param environment    the complete environment of the child (nothing is inherited beyond this)
 * @param directory      the child's working directory, or null to inherit the daemon's
 * @param user           run as this user, or null. As supervisord: nothing happens when the daemon
 *                       already has that uid; a non-root daemon's child fails with
 *                       {@code couldn't setuid to <uid>: Can't drop privilege as nonroot user}
 * @param umask          the child's umask, or null to inherit
 * @param redirectStderr when true the child's fd 2 is its stdout pipe and there is no stderr stream
 * @param processName    the process name used in supervisord's spawn errors
 *                       ({@code unknown error during fork for '<name>': EAGAIN})
 * @param socket         an {@code [fcgi-program:x]}'s listening socket, or null: the child gets it as
 *                       fd 0 instead of a stdin pipe (so its stdin cannot be written to), and holds it
 *                       until it has been reaped
 */
public record SpawnRequest(
    String executable,
    List<String> argv,
    Map<String, String> environment,
    String directory,
    UserSpec user,
    Integer umask,
    boolean redirectStderr,
    String processName,
    SharedSocket socket) {
  public SpawnRequest {
    argv = List.copyOf(argv);
    environment = Map.copyOf(environment);
    if (processName == null) {
      processName = argv.isEmpty() ? executable : argv.get(0);
    }
  }

  /** A program's spawn: a stdin pipe on fd 0. */
  public SpawnRequest(
      String executable,
      List<String> argv,
      Map<String, String> environment,
      String directory,
      UserSpec user,
      Integer umask,
      boolean redirectStderr,
      String processName) {
    this(executable, argv, environment, directory, user, umask, redirectStderr, processName, null);
  }

  /** The same spawn with {@code socket} on fd 0 (an {@code [fcgi-program:x]}'s process). */
  public SpawnRequest withSocket(SharedSocket socket) {
    return new SpawnRequest(executable, argv, environment, directory, user, umask, redirectStderr, processName,
        socket);
  }

  /** Without a process name: spawn errors then name argv[0]. Kept for callers written before it. */
  public SpawnRequest(
      String executable,
      List<String> argv,
      Map<String, String> environment,
      String directory,
      UserSpec user,
      Integer umask,
      boolean redirectStderr) {
    this(executable, argv, environment, directory, user, umask, redirectStderr, null, null);
  }
}
