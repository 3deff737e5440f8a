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

  /**
   * The pid in the pidfile a previous run left behind (a clean exit removes it), 0 when there is
   * none or it holds no pid. Read before {@link #write}.
   */
  long previous() {
    try {
      String text = Files.readString(path, StandardCharsets.US_ASCII).strip();
      long pid = Long.parseLong(text);
      return pid > 0 ? pid : 0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
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
