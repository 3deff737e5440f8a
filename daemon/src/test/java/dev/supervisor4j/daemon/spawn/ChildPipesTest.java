package dev.supervisor4j.daemon.spawn;

import static dev.supervisor4j.daemon.spawn.TestSpawner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A hundred children, each with its pipes drained and closed, leave no descriptor behind. */
@Tag("os")
class ChildPipesTest {
  private static long openFds() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  @Test
  void hundredChildrenLeakNoDescriptor() throws Exception {
    run(TestSpawner.sh("true")); // the spawner's own threads and descriptors exist from here
    long before = openFds();
    for (int i = 0; i < 100; i++) {
      var request = i % 2 == 0
          ? TestSpawner.sh("echo out; echo err >&2; exit 3")
          : TestSpawner.redirected(TestSpawner.sh("echo out; echo err >&2; exit 3"));
      var result = run(request);
      assertEquals(ExitStatus.exited(3), result.exit());
    }
    var failed = run(TestSpawner.with(TestSpawner.sh("true"), "/nonexistent", null, null));
    assertEquals(ExitStatus.exited(127), failed.exit());
    assertEquals(before, openFds());
  }
}
