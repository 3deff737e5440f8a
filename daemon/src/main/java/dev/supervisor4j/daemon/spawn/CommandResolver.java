package dev.supervisor4j.daemon.spawn;

import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.python.PyRepr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * supervisord's pre-spawn check of a command, run before every start attempt: split it, find the
 * program, and fail with supervisord's spawnerr text and fault if it cannot be executed.
 *
 * <p>Rules (supervisord 4.2.5, checked against its source and a live daemon):
 * <ul>
 *   <li>A first token containing {@code /} is used as it is; a relative one is looked up from the
 *       daemon's working directory, not from {@code directory=}.
 *   <li>Otherwise each PATH entry is tried in order and the first entry where the name exists
 *       wins, even when it is a directory or not executable. An empty entry means the daemon's
 *       working directory.
 *   <li>Then: missing gives NO_FILE {@code can't find command '<x>'}; a directory, no x bit, or x
 *       bits that access(X_OK) still refuses give NOT_EXECUTABLE.
 * </ul>
 * Names in messages are quoted the way Python's {@code %r} quotes them.
 *
 * <p>Reads the file system but keeps no state; the access check is injectable for tests because
 * root passes access(X_OK) whenever any x bit is set.
 */
public final class CommandResolver {
  /** supervisord's fallback when neither the config nor the daemon has a PATH. */
  public static final List<String> DEFAULT_PATH = List.of("/bin", "/usr/bin", "/usr/local/bin");

  private static final int S_IFMT = 0170000;
  private static final int S_IFDIR = 0040000;

  private final Predicate<Path> canExecute;

  CommandResolver(Predicate<Path> canExecute) {
    this.canExecute = canExecute;
  }

  /** Resolves with the real access(X_OK) check. */
  public static ResolvedCommand resolve(String command, List<String> searchPath)
      throws SpawnException {
    return new CommandResolver(Files::isExecutable).resolveCommand(command, searchPath);
  }

  /**
   * The directories searched for a command without {@code /}: the PATH of the configured
   * environment (global {@code environment} overlaid by the program's) when it has one, even an
   * empty one; else the daemon's non-empty PATH; else {@link #DEFAULT_PATH}.
   *
   * @param configuredEnvironment the [supervisord] and [program] environment merged, or empty
   * @param daemonPath            the daemon's own {@code $PATH}, or null
   */
  public static List<String> searchPath(Map<String, String> configuredEnvironment, String daemonPath) {
    String configured = configuredEnvironment.get("PATH");
    if (configured != null) {
      return split(configured);
    }
    if (daemonPath != null && !daemonPath.isEmpty()) {
      return split(daemonPath);
    }
    return DEFAULT_PATH;
  }

  ResolvedCommand resolveCommand(String command, List<String> searchPath) throws SpawnException {
    List<String> argv = CommandLine.parse(command);
    String program = argv.get(0);
    String filename = program;
    Integer mode = null;
    if (program.contains("/")) {
      mode = modeOf(program);
    } else {
      for (String dir : searchPath) {
        String candidate = join(dir, program);
        mode = modeOf(candidate);
        if (mode != null) {
          filename = candidate;
          break;
        }
      }
    }
    check(filename, mode);
    return new ResolvedCommand(filename, argv);
  }

  private void check(String filename, Integer mode) throws SpawnException {
    String quoted = PyRepr.of(filename);
    if (mode == null) {
      throw new SpawnException(Fault.NO_FILE, "can't find command " + quoted);
    }
    if ((mode & S_IFMT) == S_IFDIR) {
      throw new SpawnException(Fault.NOT_EXECUTABLE, "command at " + quoted + " is a directory");
    }
    if ((mode & 0111) == 0) {
      throw new SpawnException(Fault.NOT_EXECUTABLE, "command at " + quoted + " is not executable");
    }
    if (!canExecute.test(Path.of(filename))) {
      throw new SpawnException(Fault.NOT_EXECUTABLE, "no permission to run command " + quoted);
    }
  }

  /** stat(2) following links, as Python's os.stat: the st_mode, or null on any error. */
  private static Integer modeOf(String filename) {
    try {
      return (Integer) Files.getAttribute(Path.of(filename), "unix:mode");
    } catch (IOException | InvalidPathException | SecurityException e) {
      return null;
    }
  }

  /** Python's os.path.join(dir, name) for a name without '/'. */
  private static String join(String dir, String name) {
    return dir.isEmpty() || dir.endsWith("/") ? dir + name : dir + "/" + name;
  }

  /** Python's str.split(':'), which keeps empty entries. */
  private static List<String> split(String path) {
    return Arrays.asList(path.split(":", -1));
  }
}
