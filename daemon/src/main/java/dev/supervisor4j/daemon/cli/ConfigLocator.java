package dev.supervisor4j.daemon.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Supervisor's search order for a config file when {@code -c} is absent: beside the installation
 * prefix first, then the working directory, then {@code /etc}.
 */
public final class ConfigLocator {
  private ConfigLocator() {}

  /**
   * The six candidates, in order.
   *
   * @param executable the launcher path (argv[0]); its directory's parent is the prefix
   * @param cwd        the working directory
   */
  public static List<Path> candidates(Path executable, Path cwd) {
    Path exe = executable.toAbsolutePath().normalize();
    Path binDir = exe.getParent() == null ? exe : exe.getParent();
    Path prefix = binDir.getParent() == null ? binDir : binDir.getParent();
    return List.of(
        prefix.resolve("etc/supervisord.conf"),
        prefix.resolve("supervisord.conf"),
        cwd.resolve("supervisord.conf"),
        cwd.resolve("etc/supervisord.conf"),
        Path.of("/etc/supervisord.conf"),
        Path.of("/etc/supervisor/supervisord.conf"));
  }

  /** The first candidate that exists. */
  public static Optional<Path> find(Path executable, Path cwd) {
    return candidates(executable, cwd).stream().filter(Files::exists).findFirst();
  }

  /** Supervisor's usage error when nothing is found. */
  public static String notFoundMessage(Path executable, Path cwd) {
    StringBuilder paths = new StringBuilder();
    for (Path p : candidates(executable, cwd)) {
      if (paths.length() > 0) {
        paths.append(", ");
      }
      paths.append(p);
    }
    return "No config file found at default paths (" + paths
        + "); use the -c option to specify a config file at a different path";
  }

  /** Printed to stderr by a root daemon that searches, as Supervisor warns. */
  public static final String ROOT_SEARCH_WARNING =
      "Supervisord is running as root and it is searching for its configuration file in default "
          + "locations (including its current working directory); you probably want to specify a "
          + "\"-c\" argument specifying an absolute path to a configuration file for improved security.";
}
