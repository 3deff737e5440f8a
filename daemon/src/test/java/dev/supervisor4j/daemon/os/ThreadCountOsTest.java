package dev.supervisor4j.daemon.os;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.testing.DaemonProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's threads do not grow with its programs: 200 running programs, each with its stdout
 * and stderr captured, and a thread count under a bound that holds for one program too (it was
 * 32 + 2 per program, one reader per pipe).
 */
@Tag("os")
class ThreadCountOsTest {
  private static final int PROGRAMS = 200;
  /** What the JVM, Pekko, the HTTP servers, the ledger and the pipe loop need, with room to spare. */
  private static final int BOUND = 90;

  @TempDir Path dir;

  @Test
  void twoHundredProgramsRunOnAFixedNumberOfThreads() throws Exception {
    String conf = LifecycleOsTest.header()
        + "[program:talk]\ncommand=sh -c 'echo out; echo err >&2; exec sleep 1000'\n"
        + "process_name=%(program_name)s_%(process_num)03d\nnumprocs=" + PROGRAMS + "\nstartsecs=0\n";
    try (DaemonProcess d = DaemonProcess.start(dir, conf)) {
      d.awaitLog(l -> DaemonProcess.count(l, "entered RUNNING state") == PROGRAMS, Duration.ofSeconds(90),
          "all RUNNING");
      LifecycleOsTest.awaitTrue(() -> Files.exists(dir) && captured() == PROGRAMS, "every program's output captured");
      long threads = threads(d.pid());
      assertTrue(threads <= BOUND, PROGRAMS + " programs, " + threads + " threads");
    }
  }

  /** Programs whose stdout and stderr lines both reached their AUTO log files. */
  private long captured() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("talk_")
              && p.getFileName().toString().contains("-stderr---"))
          .filter(p -> {
            try {
              return Files.readString(p).equals("err\n");
            } catch (IOException e) {
              return false;
            }
          })
          .count();
    }
  }

  private static long threads(long pid) throws IOException {
    try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      return tasks.count();
    }
  }
}
