package dev.supervisor4j.daemon.ledger;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Puts the journal's threads at the back of the CPU queue: on Linux each thread has its own nice
 * value, so the threads that serialise and write history (the ledger dispatcher's and Slick's
 * {@code db-N}) get nice 10 while supervision keeps 0. When the CPU is saturated (a crash loop)
 * the kernel then serves spawning, reaping and RPC first and the ledger catches up in the gaps;
 * when it is not, nothing changes. Threads are found by their kernel name, which Java sets from
 * the first 15 characters of the thread name. Best effort: anywhere else, it does nothing.
 */
public final class Background {
  private Background() {}

  static final int NICE = 10;
  private static final int PRIO_PROCESS = 0;

  private interface LibC extends Library {
    int setpriority(int which, int who, int prio);
  }

  /** Loaded on first use. */
  private static final class Holder {
    static final LibC LIBC = load();

    private static LibC load() {
      try {
        return Native.load("c", LibC.class);
      } catch (UnsatisfiedLinkError | RuntimeException e) {
        return null;
      }
    }
  }

  /**
   * Renices the threads whose kernel name starts with one of {@code prefixes}; the ones already
   * reniced are simply set again.
   *
   * @return how many threads were set
   */
  public static int lower(String... prefixes) {
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks) || Holder.LIBC == null) {
      return 0;
    }
    int set = 0;
    try (Stream<Path> all = Files.list(tasks)) {
      for (Path task : (Iterable<Path>) all::iterator) {
        String name = comm(task);
        for (String prefix : prefixes) {
          if (name.startsWith(prefix)) {
            if (Holder.LIBC.setpriority(PRIO_PROCESS, Integer.parseInt(task.getFileName().toString()), NICE) == 0) {
              set++;
            }
            break;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // a thread that ended while we looked, or no /proc: best effort
    }
    return set;
  }

  private static String comm(Path task) {
    try {
      return Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "";
    }
  }
}
