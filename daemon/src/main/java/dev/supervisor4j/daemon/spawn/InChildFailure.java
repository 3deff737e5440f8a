package dev.supervisor4j.daemon.spawn;

import java.util.ArrayList;
import java.util.List;

/**
 * A step that supervisord runs inside the forked child failed (setuid, chdir or exec). supervisord
 * then writes {@code supervisor: <reason>} and {@code supervisor: child process was not spawned}
 * to the child's fd 2 and exits 127, so the daemon sees a quick exit and goes to BACKOFF.
 *
 * @param reason the text after {@code supervisor: }, or null when supervisord prints only the
 *     closing line (an unexpected setuid error)
 */
record InChildFailure(String reason) {
  static InChildFailure bare() {
    return new InChildFailure(null);
  }

  /** The lines the failed child writes to its stderr, without newlines. */
  List<String> lines() {
    List<String> lines = new ArrayList<>(2);
    if (reason != null) {
      lines.add("supervisor: " + reason);
    }
    lines.add("supervisor: child process was not spawned");
    return lines;
  }
}
