package dev.supervisor4j.daemon.process;

import static dev.supervisor4j.protocol.ProcessState.BACKOFF;
import static dev.supervisor4j.protocol.ProcessState.EXITED;
import static dev.supervisor4j.protocol.ProcessState.FATAL;
import static dev.supervisor4j.protocol.ProcessState.RUNNING;
import static dev.supervisor4j.protocol.ProcessState.STARTING;
import static dev.supervisor4j.protocol.ProcessState.STOPPED;
import static dev.supervisor4j.protocol.ProcessState.STOPPING;
import static dev.supervisor4j.protocol.ProcessState.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.config.AutoRestart;
import dev.supervisor4j.daemon.spawn.SpawnException;
import dev.supervisor4j.daemon.testing.FakeChild;
import dev.supervisor4j.daemon.testing.FakeSpawner;
import dev.supervisor4j.daemon.testing.Programs;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.Signal;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transition table of spec config-and-lifecycle §3.2, one row per (state, trigger), driven with
 * a scripted spawner and manual time.
 */
class TransitionTableTest {
  static ActorTestKit kit;

  @BeforeAll
  static void up() {
    kit = ActorTestKit.create(ManualTime.config());
  }

  @AfterAll
  static void down() {
    kit.shutdownTestKit();
  }

  /** A row: a name, the program, the spawner, and the script with its expectations. */
  record Row(String name, Programs program, FakeSpawner spawner, Consumer<Harness> script) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Row row(String name, Programs program, Consumer<Harness> script) {
    return new Row(name, program, new FakeSpawner(), script);
  }

  static Row row(String name, Programs program, FakeSpawner spawner, Consumer<Harness> script) {
    return new Row(name, program, spawner, script);
  }

  static Stream<Row> rows() {
    return Stream.of(
        row("STOPPED + autostart -> STARTING, startsecs -> RUNNING", Programs.named("a").startSecs(1), h -> {
          h.autostart();
          assertEquals(0, h.expect(STARTING).tries());
          h.advance(Duration.ofMillis(999));
          h.expectNoChange();
          h.advance(Duration.ofMillis(1));
          assertEquals(h.child().pid(), h.expect(RUNNING).pid());
        }),
        row("startsecs=0 -> RUNNING at once", Programs.named("a").startSecs(0), h -> {
          h.autostart();
          h.expect(STARTING, RUNNING);
        }),
        row("STARTING + exit 0 before startsecs -> BACKOFF (whatever the code)", Programs.named("a"), h -> {
          h.autostart();
          h.expect(STARTING);
          h.child().exit(0);
          assertEquals(1, h.expect(BACKOFF).tries());
          ProcessInfo info = h.info();
          assertEquals("Exited too quickly (process log may have details)", info.spawnErr());
          assertEquals(info.spawnErr(), info.description());
          assertEquals(0, info.exitStatus());
        }),
        row("BACKOFF waits 1, 2, 3 s; startretries+1 attempts, then FATAL", Programs.named("a").startRetries(3), h -> {
          h.autostart();
          for (int attempt = 1; attempt <= 4; attempt++) {
            assertEquals(attempt - 1, h.expect(STARTING).tries());
            h.child().exit(3);
            assertEquals(attempt, h.expect(BACKOFF).tries());
            if (attempt == 4) {
              break;
            }
            h.advance(Duration.ofMillis(attempt * 1000L - 1));
            h.expectNoChange();
            h.advance(Duration.ofMillis(1));
          }
          h.expect(FATAL);
          assertEquals(4, h.spawner.spawnCount());
          assertEquals(FATAL, h.info().state());
        }),
        row("startretries=0 -> FATAL after the first failure", Programs.named("a").startRetries(0), h -> {
          h.autostart();
          h.expect(STARTING);
          h.child().exit(1);
          h.expect(BACKOFF, FATAL);
          assertEquals(1, h.spawner.spawnCount());
        }),
        row("spawn error: BACKOFF then FATAL with no fork", Programs.named("a").startRetries(1),
            FakeSpawner.failingWith("can't find command 'nosuch'"), h -> {
              h.autostart();
              h.expect(STARTING, BACKOFF);
              h.advanceSecs(1);
              h.expect(STARTING, BACKOFF, FATAL);
              assertEquals("can't find command 'nosuch'", h.info().description());
              assertEquals(0, h.spawner.spawnCount());
            }),
        row("RUNNING + expected exit, autorestart=unexpected -> EXITED and stays", Programs.named("a").exitCodes(0, 3), h -> {
          h.toRunning();
          h.child().exit(3);
          assertTrue(h.expect(EXITED).expected());
          h.advanceSecs(5);
          h.expectNoChange();
          assertEquals(3, h.info().exitStatus());
        }),
        row("RUNNING + unexpected exit, autorestart=unexpected -> EXITED -> STARTING at once", Programs.named("a"), h -> {
          h.toRunning();
          h.child().exit(2);
          assertTrue(!h.expect(EXITED).expected());
          h.expect(STARTING);
          assertEquals(2, h.spawner.spawnCount());
        }),
        row("RUNNING + death by signal is unexpected even with exitcodes=0", Programs.named("a"), h -> {
          h.toRunning();
          h.child().killedBy(9);
          assertTrue(!h.expect(EXITED).expected());
          h.expect(STARTING);
        }),
        row("RUNNING + exit, autorestart=false -> EXITED and stays", Programs.named("a").autoRestart(AutoRestart.FALSE), h -> {
          h.toRunning();
          h.child().exit(1);
          h.expect(EXITED);
          h.advanceSecs(3);
          h.expectNoChange();
          assertEquals("Bad exit code 1", h.info().spawnErr());
        }),
        row("RUNNING + expected exit, autorestart=true -> restart", Programs.named("a").autoRestart(AutoRestart.TRUE), h -> {
          h.toRunning();
          h.child().exit(0);
          h.expect(EXITED, STARTING);
        }),
        row("RUNNING + stop -> STOPPING (TERM to pid) -> STOPPED", Programs.named("a"), h -> {
          h.toRunning();
          TestProbe<StatusReply<Done>> reply = h.stop(true);
          h.expect(STOPPING, STOPPED);
          Harness.expectAck(reply);
          assertEquals(List.of(new FakeChild.Sent(Signal.TERM, false)), h.child().signals());
          assertEquals(-1, h.info().exitStatus());
        }),
        row("stop without wait answers at once", Programs.named("a"), h -> {
          h.spawner.onSpawn(FakeChild::ignoringSignals);
          h.toRunning();
          TestProbe<StatusReply<Done>> reply = h.stop(false);
          Harness.expectAck(reply);
          h.expect(STOPPING);
        }),
        row("STOPPING + stopwaitsecs -> SIGKILL, repeated every stopwaitsecs", Programs.named("a").stopWaitSecs(2)
            .stopSignal(Signal.INT), h -> {
          h.spawner.onSpawn(c -> c.ignoringSignals());
          h.toRunning();
          h.child().ignoringSignals();
          h.stop(false);
          h.expect(STOPPING);
          h.advance(Duration.ofMillis(1999));
          assertEquals(List.of(new FakeChild.Sent(Signal.INT, false)), h.child().signals());
          h.advance(Duration.ofMillis(1));
          h.expect(STOPPED);
          assertEquals(new FakeChild.Sent(Signal.KILL, false), h.child().signals().get(1));
        }),
        row("stopasgroup signals the process group, killasgroup the SIGKILL", Programs.named("a").stopAsGroup(true)
            .stopWaitSecs(1), h -> {
          h.spawner.onSpawn(FakeChild::ignoringSignals);
          h.toRunning();
          h.stop(false);
          h.expect(STOPPING);
          h.advanceSecs(1);
          h.expect(STOPPED);
          assertEquals(List.of(new FakeChild.Sent(Signal.TERM, true), new FakeChild.Sent(Signal.KILL, true)),
              h.child().signals());
        }),
        row("STARTING + stop -> STOPPING -> STOPPED; a waiting start gets ABNORMAL_TERMINATION", Programs.named("a"), h -> {
          TestProbe<StatusReply<Done>> start = h.start(true);
          h.expect(STARTING);
          h.stop(false);
          Harness.expectFault(start, Fault.ABNORMAL_TERMINATION);
          h.expect(STOPPING, STOPPED);
        }),
        row("BACKOFF + stop -> STOPPED with no signal", Programs.named("a"), h -> {
          h.autostart();
          h.expect(STARTING);
          FakeChild first = h.child();
          first.exit(1);
          h.expect(BACKOFF);
          Harness.expectAck(h.stop(true));
          h.expect(STOPPED);
          assertEquals(List.of(), first.signals());
          h.advanceSecs(5);
          h.expectNoChange();
        }),
        row("STOPPED + stop -> NOT_RUNNING", Programs.named("a"), h -> {
          Harness.expectFault(h.stop(true), Fault.NOT_RUNNING);
          assertEquals("Not started", h.info().description());
        }),
        row("RUNNING + start -> ALREADY_STARTED", Programs.named("a"), h -> {
          h.toRunning();
          Harness.expectFault(h.start(false), Fault.ALREADY_STARTED);
        }),
        row("BACKOFF + start -> ALREADY_STARTED", Programs.named("a"), h -> {
          h.autostart();
          h.expect(STARTING);
          h.child().exit(1);
          h.expect(BACKOFF);
          Harness.expectFault(h.start(false), Fault.ALREADY_STARTED);
        }),
        row("FATAL + start -> STARTING", Programs.named("a").startRetries(0), h -> {
          h.autostart();
          h.expect(STARTING);
          h.child().exit(1);
          h.expect(BACKOFF, FATAL);
          Harness.expectAck(h.start(false));
          h.expect(STARTING);
        }),
        row("EXITED + start -> STARTING", Programs.named("a").autoRestart(AutoRestart.FALSE), h -> {
          h.toRunning();
          h.child().exit(0);
          h.expect(EXITED);
          Harness.expectAck(h.start(false));
          h.expect(STARTING);
        }),
        row("start with wait answers at RUNNING", Programs.named("a").startSecs(2), h -> {
          TestProbe<StatusReply<Done>> reply = h.start(true);
          h.expect(STARTING);
          reply.expectNoMessage(Duration.ofMillis(50));
          h.advanceSecs(2);
          h.expect(RUNNING);
          Harness.expectAck(reply);
        }),
        row("start with wait + exit before startsecs -> SPAWN_ERROR", Programs.named("a"), h -> {
          TestProbe<StatusReply<Done>> reply = h.start(true);
          h.expect(STARTING);
          h.child().exit(0);
          Harness.expectFault(reply, Fault.SPAWN_ERROR);
          h.expect(BACKOFF);
        }),
        row("operator start with a bad command: fault, no state change", Programs.named("a"), h -> { }),
        row("exit after startsecs that beat the timer -> RUNNING (no success line), then EXITED", Programs.named("a")
            .startSecs(1), h -> {
          h.autostart();
          h.expect(STARTING);
          h.clock.advance(Duration.ofSeconds(1)); // wall time passes, the timer has not fired yet
          h.child().exit(0);
          h.expect(RUNNING, EXITED);
        }),
        row("daemon stopping: no autorestart", Programs.named("a").autoRestart(AutoRestart.TRUE), h -> {
          h.toRunning();
          h.generation.stop();
          h.child().exit(0);
          h.expect(EXITED);
          h.expectNoChange();
        }),
        row("daemon stopping: no retry from BACKOFF", Programs.named("a"), h -> {
          h.autostart();
          h.expect(STARTING);
          h.child().exit(0);
          h.expect(BACKOFF);
          h.generation.stop();
          h.advanceSecs(5);
          h.expectNoChange();
        }),
        row("daemon stopping: an operator's start is refused with SHUTDOWN_STATE", Programs.named("a"), h -> {
          h.generation.stop();
          Harness.expectFault(h.start(false), Fault.SHUTDOWN_STATE);
          h.expectNoChange();
          assertEquals(0, h.spawner.spawnCount());
        }),
        row("spawning: reads answer the state before the fork; a stop waits for the fork", Programs.named("a"), h -> {
          h.spawner.hold();
          TestProbe<StatusReply<Done>> start = h.start(false);
          assertEquals(STOPPED, h.info().state());
          TestProbe<StatusReply<Done>> stop = h.stop(true);
          h.expectNoChange();
          h.spawner.release();
          Harness.expectAck(start);
          h.expect(STARTING, STOPPING);
          h.child().exit(0);
          h.expect(STOPPED);
          Harness.expectAck(stop);
        }),
        row("spawning: a spawn queued before the daemon stops never forks", Programs.named("a")
            .autoRestart(AutoRestart.TRUE), h -> {
          h.toRunning();
          h.spawner.hold();
          h.child().exit(0);
          h.expect(EXITED);
          h.generation.stop();
          TestProbe<StatusReply<Done>> shutdown = h.stopForShutdown();
          h.spawner.release();
          Harness.expectAck(shutdown);
          h.expectNoChange();
          assertEquals(1, h.spawner.spawnCount(), "no second fork");
          assertEquals(EXITED, h.info().state());
        }),
        row("spawning: a retry queued before the daemon stops never forks; BACKOFF -> FATAL", Programs.named("a"), h -> {
          h.autostart();
          h.expect(STARTING);
          h.child().exit(0);
          h.expect(BACKOFF);
          h.spawner.hold();
          h.advanceSecs(1);
          h.generation.stop();
          h.spawner.release();
          Harness.expectAck(h.stopForShutdown());
          h.expect(FATAL);
          assertEquals(1, h.spawner.spawnCount(), "no second fork");
        }),
        row("shutdown: BACKOFF -> FATAL", Programs.named("a"), h -> {
          h.autostart();
          h.expect(STARTING);
          h.child().exit(0);
          h.expect(BACKOFF);
          Harness.expectAck(h.stopForShutdown());
          h.expect(FATAL);
        }),
        row("shutdown: RUNNING -> STOPPING -> STOPPED, answered when stopped", Programs.named("a"), h -> {
          h.toRunning();
          TestProbe<StatusReply<Done>> reply = h.stopForShutdown();
          h.expect(STOPPING, STOPPED);
          Harness.expectAck(reply);
        }),
        row("signal: RUNNING ok, STOPPED NOT_RUNNING", Programs.named("a"), h -> {
          Harness.expectFault(h.signal(Signal.HUP), Fault.NOT_RUNNING);
          h.spawner.onSpawn(FakeChild::ignoringSignals);
          h.toRunning();
          Harness.expectAck(h.signal(Signal.HUP));
          assertEquals(List.of(new FakeChild.Sent(Signal.HUP, false)), h.child().signals());
        }),
        row("a signal failure while stopping -> UNKNOWN; start then FAILED", Programs.named("a"), h -> {
          h.toRunning();
          h.child().failingSignals();
          h.stop(false);
          h.expect(STOPPING, UNKNOWN);
          Harness.expectFault(h.start(false), Fault.FAILED);
        }),
        row("RUNNING description: pid and uptime", Programs.named("a"), h -> {
          h.toRunning();
          h.advanceSecs(3661);
          assertEquals("pid " + h.child().pid() + ", uptime 1:01:02", h.info().description());
        }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void transition(Row row) {
    Harness h = row.name().startsWith("operator start with a bad command")
        ? new Harness(kit, row.program().build(), row.spawner(), (p, g) -> {
          throw new SpawnException(Fault.NO_FILE, "can't find command 'nosuch'");
        })
        : new Harness(kit, row.program().build(), row.spawner());
    if (row.name().startsWith("operator start with a bad command")) {
      TestProbe<StatusReply<Done>> reply = h.start(true);
      Harness.expectFault(reply, Fault.NO_FILE);
      h.expectNoChange();
      assertEquals(ProcessState.STOPPED, h.info().state());
      assertEquals(0, h.spawner.spawnCount());
    }
    row.script().accept(h);
    kit.stop(h.actor);
  }
}
