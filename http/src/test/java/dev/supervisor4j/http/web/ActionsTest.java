package dev.supervisor4j.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.http.testing.FakeSupervisorApi;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.SupervisorFault;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** supervisord's flash messages, from the calls' outcomes. */
class ActionsTest {
  final FakeSupervisorApi api = new FakeSupervisorApi();
  final Actions actions = new Actions(api);

  @BeforeEach
  void table() {
    api.put("web", "web", ProcessState.RUNNING, 5, "pid 5, uptime 0:00:01");
    api.put("idle", "idle", ProcessState.STOPPED, 0, "Not started");
  }

  private Actions.Outcome run(Actions.Action action, String target) {
    return actions.run(action, target, "HUP").toCompletableFuture().join();
  }

  @Test
  void successMessages() {
    assertEquals("Process web stopped", run(Actions.Action.STOP, "web").message());
    assertEquals("Process web started", run(Actions.Action.START, "web").message());
    assertEquals("Process web restarted", run(Actions.Action.RESTART, "web").message());
    assertEquals("Log for web cleared", run(Actions.Action.CLEARLOG, "web").message());
    assertEquals("Signal HUP sent to web", run(Actions.Action.SIGNAL, "web").message());
    // restart of a stopped process: the stop's NOT_RUNNING does not count
    assertEquals("Process idle restarted", run(Actions.Action.RESTART, "idle").message());
    assertEquals(List.of("stop web", "start web", "stop web", "start web", "stop idle", "start idle"),
        api.calls.stream().filter(c -> c.startsWith("st")).toList());
  }

  @Test
  void failures() {
    Actions.Outcome again = run(Actions.Action.START, "web");
    assertEquals(new Actions.Outcome(false, Fault.ALREADY_STARTED, "ERROR: Process web: already started"), again);
    assertEquals("No such process named nosuch", run(Actions.Action.STOP, "nosuch").message());
    assertEquals("ERROR: unexpected rpc fault [70] NOT_RUNNING: idle", run(Actions.Action.STOP, "idle").message());
  }

  @Test
  void startFaultsUseSupervisordsWords() {
    for (var c : List.of(List.of(Fault.NO_FILE, "no such file"), List.of(Fault.NOT_EXECUTABLE, "file not executable"),
        List.of(Fault.SPAWN_ERROR, "spawn error"), List.of(Fault.ABNORMAL_TERMINATION, "abnormal termination"))) {
      Actions.Outcome o = Actions.failure(Actions.Action.START, "x",
          new CompletionException(new SupervisorFault((Fault) c.get(0), "x")));
      assertEquals("ERROR: Process x: " + c.get(1), o.message());
    }
  }

  @Test
  void allAndGroups() {
    assertTrue(run(Actions.Action.STOP, "*").message().matches("All stopped at \\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}"));
    assertEquals("No such process named grp:*", run(Actions.Action.CLEARLOG, "grp:*").message());
  }
}
