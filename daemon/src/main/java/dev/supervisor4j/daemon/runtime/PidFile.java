package dev.supervisor4j.daemon.runtime;

import dev.supervisor4j.daemon.log.MainLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** supervisord's pidfile: {@code <pid>\n}, removed at a clean exit only if we wrote it. */
final class PidFile {
  private final Path path;
  private boolean written;

  PidFile(Path path) {
    this.path = path;
  }

  void write(long pid) {
    try {
      Files.writeString(path, pid + "\n", StandardCharsets.US_ASCII);
      written = true;
    } catch (IOException e) {
      MainLog.crit("could not write pidfile " + path);
    }
  }

  void remove() {
    if (written) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        MainLog.warn("could not remove pidfile " + path);
      }
      written = false;
    }
  }
}
