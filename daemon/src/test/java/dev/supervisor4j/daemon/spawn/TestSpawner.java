package dev.supervisor4j.daemon.spawn;

import static org.junit.jupiter.api.Assertions.fail;

import dev.supervisor4j.daemon.config.UserSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The one {@link OsProcessSpawner} of the test JVM (its reaper owns every child, so all OS tests
 * share it) and helpers to run children and poll with deadlines.
 */
final class TestSpawner {
  static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ConcurrentLinkedQueue<UnknownPidReaped> UNKNOWN = new ConcurrentLinkedQueue<>();
  private static OsProcessSpawner spawner;

  private TestSpawner() {}

  static synchronized OsProcessSpawner get() {
    if (spawner == null) {
      spawner = OsProcessSpawner.start(UNKNOWN::add);
    }
    return spawner;
  }

  record Result(long pid, String stdout, String stderr, ExitStatus exit) {}

  static SpawnRequest sh(String script) {
    return request(List.of("/bin/sh", "-c", script));
  }

  static SpawnRequest request(List<String> argv) {
    return new SpawnRequest(argv.get(0), argv, ENV, null, null, null, false, "test");
  }

  static SpawnRequest with(SpawnRequest r, String directory, UserSpec user, Integer umask) {
    return new SpawnRequest(r.executable(), r.argv(), r.environment(), directory, user, umask,
        r.redirectStderr(), r.processName());
  }

  static SpawnRequest withEnv(SpawnRequest r, Map<String, String> env) {
    return new SpawnRequest(r.executable(), r.argv(), env, r.directory(), r.user(), r.umask(),
        r.redirectStderr(), r.processName());
  }

  static SpawnRequest redirected(SpawnRequest r) {
    return new SpawnRequest(r.executable(), r.argv(), r.environment(), r.directory(), r.user(),
        r.umask(), true, r.processName());
  }

  /** Spawns, drains both streams, waits for the exit. */
  static Result run(SpawnRequest request) throws Exception {
    RunningChild child = get().spawn(request);
    CompletableFuture<String> err = child.stderr() == null
        ? CompletableFuture.completedFuture(null)
        : CompletableFuture.supplyAsync(() -> readAll(child.stderr()));
    String out = readAll(child.stdout());
    ExitStatus exit = awaitExit(child);
    return new Result(child.pid(), out, err.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS), exit);
  }

  static ExitStatus awaitExit(RunningChild child) throws Exception {
    return child.onExit().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls {@code condition} every 10 ms until it holds or the deadline passes. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for: " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  /** Waits until the reaper reported {@code pid} as unknown. */
  static UnknownPidReaped awaitUnknown(long pid) {
    List<UnknownPidReaped> found = new ArrayList<>();
    await("unknown pid " + pid + " reaped", () -> {
      UNKNOWN.stream().filter(u -> u.pid() == pid).findFirst().ifPresent(found::add);
      return !found.isEmpty();
    });
    return found.get(0);
  }

  /** The fields of /proc/pid/stat after the command name, or empty when the pid is gone. */
  static Optional<String[]> procStat(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
