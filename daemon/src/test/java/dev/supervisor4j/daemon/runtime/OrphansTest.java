package dev.supervisor4j.daemon.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.daemon.ledger.ChildIdentity;
import dev.supervisor4j.daemon.ledger.LedgerEvent;
import dev.supervisor4j.daemon.testing.Configs;
import dev.supervisor4j.daemon.testing.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Stopping the children of a previous run with real processes: each by its program's stop signal,
 * SIGKILL after {@code stopwaitsecs} for one that ignores it, the whole group with
 * {@code stopasgroup}; a process whose pid matches but whose start time does not is left alone.
 */
@Tag("os")
class OrphansTest {
  private static final long SELF = ProcessHandle.current().pid();
  private final List<Process> started = new ArrayList<>();
  private final List<LedgerEvent> recorded = new ArrayList<>();

  @BeforeEach
  void linux() {
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");
  }

  @AfterEach
  void cleanUp() {
    started.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
    started.forEach(Process::destroyForcibly);
  }

  private Process start(String... argv) throws Exception {
    Process p = new ProcessBuilder(argv).start();
    started.add(p);
    return p;
  }

  private static Orphans.Orphan orphan(ProgramConfig program, ChildIdentity child) {
    return new Orphans.Orphan(Configs.group(program.name(), 999, program), program, child);
  }

  private static ChildIdentity identity(Process p) {
    ChildIdentity child = ChildIdentity.ofChild(p.pid(), SELF);
    assertNotNull(child, "no identity for " + p.pid());
    return child;
  }

  @Test
  void eachOrphanIsStoppedAsItsProgramSaysAndRecorded() throws Exception {
    Process web = start("sleep", "60");
    // Ignores SIGTERM (the disposition survives exec): needs SIGKILL after stopwaitsecs.
    Process stubborn = start("sh", "-c", "trap '' TERM; exec sleep 60");
    // Its own process group with a grandchild: stopasgroup reaches both.
    Process group = start("setsid", "sh", "-c", "sleep 60 & wait");
    awaitChildren(group, 1);
    long grandchild = group.descendants().findFirst().orElseThrow().pid();

    List<Orphans.Orphan> orphans = List.of(
        orphan(Programs.named("web").build(), identity(web)),
        orphan(Programs.named("stubborn").stopWaitSecs(1).build(), identity(stubborn)),
        orphan(Programs.named("grouped").stopAsGroup(true).build(), identity(group)));
    assertEquals(3, Orphans.stop(orphans, recorded::add, Clock.systemUTC()));

    assertTrue(web.waitFor(5, TimeUnit.SECONDS) && stubborn.waitFor(5, TimeUnit.SECONDS)
        && group.waitFor(5, TimeUnit.SECONDS));
    assertEquals(143, web.exitValue()); // SIGTERM
    assertEquals(137, stubborn.exitValue()); // SIGKILL
    awaitGone(grandchild);
    assertEquals(List.of("web SIGTERM", "grouped SIGTERM", "stubborn SIGTERM, then SIGKILL"),
        recorded.stream().map(e -> (LedgerEvent.OrphanStopped) e).map(o -> o.name() + " " + o.how()).toList());
  }

  @Test
  void aLiveProcessWithTheRecordedPidButAnotherStartTimeIsNotTouched() throws Exception {
    Process other = start("sleep", "60");
    ChildIdentity real = identity(other);
    ChildIdentity recordedEarlier = new ChildIdentity(real.pid(), real.startTicks() - 100, real.bootId());
    assertEquals(0, Orphans.stop(List.of(orphan(Programs.named("web").build(), recordedEarlier)), recorded::add,
        Clock.systemUTC()));
    assertFalse(other.waitFor(300, TimeUnit.MILLISECONDS), "the unrelated process was stopped");
    assertTrue(other.isAlive());
    assertEquals(List.of(), recorded);
  }

  private static void awaitChildren(Process p, int n) throws InterruptedException {
    for (int i = 0; i < 100 && p.descendants().count() < n; i++) {
      Thread.sleep(50);
    }
    assertEquals(n, p.descendants().count());
  }

  private static void awaitGone(long pid) throws InterruptedException {
    for (int i = 0; i < 100 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
      Thread.sleep(50);
    }
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " still alive");
  }
}
