package dev.supervisor4j.daemon.spawn;

import com.sun.jna.StringArray;
import java.util.List;
import java.util.Map;

/**
 * execve's path, argv and envp as native NUL-terminated UTF-8 memory, built before the spawner
 * thread changes its credentials so that nothing is allocated or loaded in that window.
 */
record NativeArgs(byte[] path, StringArray argv, StringArray envp) {
  static NativeArgs of(String path, List<String> argv, Map<String, String> environment) {
    String[] env = environment.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    // StringArray appends the terminating NULL pointer itself.
    return new NativeArgs(
        LibC.cString(path),
        new StringArray(argv.toArray(new String[0]), "UTF-8"),
        new StringArray(env, "UTF-8"));
  }
}
