package dev.supervisor4j.daemon.spawn;

import java.util.List;

/**
 * A command ready to spawn.
 *
 * @param executable the file to exec: the first token when it has a {@code /}, else the PATH hit
 * @param argv       the shlex tokens, argv[0] exactly as written in the config
 */
public record ResolvedCommand(String executable, List<String> argv) {
  public ResolvedCommand {
    argv = List.copyOf(argv);
  }
}
