package dev.supervisor4j.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.ledger.ActionLog;
import dev.supervisor4j.daemon.ledger.LedgerEvent;
import dev.supervisor4j.daemon.ledger.LedgerMsg;
import dev.supervisor4j.protocol.Caller;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.SupervisorApi;
import dev.supervisor4j.protocol.SupervisorFault;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The audited API: every call goes through, actions are written with their caller before the answer. */
class AuditedApiTest {
  private static final ActorTestKit kit = ActorTestKit.create();
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC);
  private static final Caller ALICE = new Caller(Caller.Transport.TCP, "alice", "127.0.0.1:5000");

  @AfterAll
  static void down() {
    kit.shutdownTestKit();
  }

  /** An API whose every method answers {@code answer}. */
  private static SupervisorApi answering(Object answer) {
    return (SupervisorApi) Proxy.newProxyInstance(SupervisorApi.class.getClassLoader(),
        new Class<?>[] {SupervisorApi.class}, (proxy, method, args) -> answer instanceof Throwable t
            ? CompletableFuture.failedFuture(t) : CompletableFuture.completedFuture(answer));
  }

  @Test
  void everyApiMethodIsPassedOnNotLeftToItsDefault() {
    // A method SupervisorApi gains later would otherwise answer its default (UNKNOWN_METHOD) here.
    for (Method m : SupervisorApi.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      try {
        AuditedApi.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
      } catch (NoSuchMethodException e) {
        throw new AssertionError("AuditedApi does not override " + m, e);
      }
    }
  }

  @Test
  void aStopIsWrittenWithItsCallerBeforeTheAnswer() throws Exception {
    TestProbe<LedgerMsg> ledger = kit.createTestProbe();
    AuditedApi api = new AuditedApi(answering(Boolean.TRUE), new ActionLog(ledger.ref(), kit.scheduler()), ALICE,
        CLOCK);
    CompletableFuture<Boolean> answer = api.stopProcess("web", true).toCompletableFuture();
    LedgerMsg.RecordAction record = ledger.expectMessageClass(LedgerMsg.RecordAction.class);
    assertEquals(new LedgerEvent.OperatorActed(1_000, "alice", "tcp", "stopProcess", "web", List.of("web:web"),
        LedgerEvent.Intent.STOPPED, true, "OK"), record.action());
    Thread.sleep(100);
    assertFalse(answer.isDone(), "answered before the action was written");
    record.replyTo().tell(StatusReply.ack());
    assertTrue(answer.get(5, TimeUnit.SECONDS));
  }

  @Test
  void aFailedStartIsWrittenWithItsFaultAndTheFaultIsAnswered() {
    TestProbe<LedgerMsg> ledger = kit.createTestProbe();
    AuditedApi api = new AuditedApi(answering(new SupervisorFault(Fault.SPAWN_ERROR, "web")),
        new ActionLog(ledger.ref(), kit.scheduler()), ALICE, CLOCK);
    CompletableFuture<Boolean> answer = api.startProcess("web", true).toCompletableFuture();
    LedgerMsg.RecordAction record = ledger.expectMessageClass(LedgerMsg.RecordAction.class);
    assertFalse(record.action().ok());
    assertEquals("SPAWN_ERROR: web", record.action().result());
    assertEquals(LedgerEvent.Intent.NONE, record.action().intent());
    record.replyTo().tell(StatusReply.error("history unavailable: test")); // a refused write changes nothing
    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> answer.get(5, TimeUnit.SECONDS));
    assertEquals(Fault.SPAWN_ERROR, assertInstanceOf(SupervisorFault.class, e.getCause()).fault());
  }

  @Test
  void aGroupStopRemembersTheProcessesItStopped() throws Exception {
    TestProbe<LedgerMsg> ledger = kit.createTestProbe();
    List<ProcessResult> results = List.of(ProcessResult.ok("a", "grp"),
        ProcessResult.failed("b", "grp", new SupervisorFault(Fault.NOT_RUNNING, "grp:b")));
    AuditedApi api = new AuditedApi(answering(results), new ActionLog(ledger.ref(), kit.scheduler()),
        Caller.UNKNOWN.via(Caller.Transport.UNIX).withUser("root"), CLOCK);
    CompletableFuture<List<ProcessResult>> answer = api.stopProcessGroup("grp", true).toCompletableFuture();
    LedgerMsg.RecordAction record = ledger.expectMessageClass(LedgerMsg.RecordAction.class);
    assertEquals(List.of("grp:a"), record.action().processes());
    assertEquals("1 of 2 OK; grp:b: NOT_RUNNING: grp:b", record.action().result());
    assertEquals("unix", record.action().via());
    record.replyTo().tell(StatusReply.ack());
    assertEquals(results, answer.get(5, TimeUnit.SECONDS));
  }

  @Test
  void aShutdownIsAnsweredWithoutWaitingForItsWrite() throws Exception {
    TestProbe<LedgerMsg> ledger = kit.createTestProbe();
    AuditedApi api = new AuditedApi(answering(Boolean.TRUE), new ActionLog(ledger.ref(), kit.scheduler()), ALICE,
        CLOCK);
    assertTrue(api.shutdown().toCompletableFuture().get(5, TimeUnit.SECONDS)); // nobody acknowledges
    assertInstanceOf(LedgerEvent.DaemonStopping.class,
        ledger.expectMessageClass(LedgerMsg.Record.class).event());
    assertEquals("shutdown", ledger.expectMessageClass(LedgerMsg.RecordAction.class).action().action());
  }

  @Test
  void readsPassStraightThroughAndWriteNothing() throws Exception {
    TestProbe<LedgerMsg> ledger = kit.createTestProbe();
    AuditedApi api = new AuditedApi(answering(42L), new ActionLog(ledger.ref(), kit.scheduler()), ALICE, CLOCK);
    assertEquals(42L, api.getPID().toCompletableFuture().get(5, TimeUnit.SECONDS));
    ledger.expectNoMessage(java.time.Duration.ofMillis(200));
  }
}
