package dev.supervisor4j.protocol.xmlrpc;

import static dev.supervisor4j.protocol.xmlrpc.RpcHarness.b;
import static dev.supervisor4j.protocol.xmlrpc.RpcHarness.i;
import static dev.supervisor4j.protocol.xmlrpc.RpcHarness.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.testing.FakeSupervisorApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every method dispatched with valid arguments and, where it takes a name, with a bad one. */
class RpcDispatcherTest {
  private static final Set<String> DISPATCHED = new HashSet<>();
  private final RpcHarness rpc = new RpcHarness();

  private static final XmlRpcValue CALLS = XmlRpcValue.array(
      XmlRpcValue.struct().put("methodName", "supervisor.getPID").build());

  /** method, valid params, the API call expected (null: none), the expected result. */
  static Stream<Arguments> validCalls() {
    XmlRpcValue ok = b(true);
    XmlRpcValue grpOk = XmlRpcValue.array(result("ga", "grp"), result("gb", "grp"));
    XmlRpcValue allOk = XmlRpcValue.array(result("cat", "cat"), result("ga", "grp"), result("gb", "grp"));
    return Stream.of(
        a("supervisor.getAPIVersion", List.of(), "getAPIVersion", s("3.0")),
        a("supervisor.getVersion", List.of(), "getAPIVersion", s("3.0")),
        a("supervisor.getSupervisorVersion", List.of(), "getSupervisorVersion", s("4.2.5")),
        a("supervisor.getIdentification", List.of(), "getIdentification", s("supervisor")),
        a("supervisor.getState", List.of(), "getState",
            XmlRpcValue.struct().put("statecode", 1).put("statename", "RUNNING").build()),
        a("supervisor.getPID", List.of(), "getPID", i(4242)),
        a("supervisor.readLog", List.of(i(-4), i(0)), "readLog -4 0", s("main:-4:0")),
        a("supervisor.readMainLog", List.of(i(3), i(5)), "readLog 3 5", s("main:3:5")),
        a("supervisor.clearLog", List.of(), "clearLog", ok),
        a("supervisor.shutdown", List.of(), "shutdown", ok),
        a("supervisor.restart", List.of(), "restart", ok),
        a("supervisor.reloadConfig", List.of(), "reloadConfig", XmlRpcValue.array(XmlRpcValue.array(
            XmlRpcValue.array(s("new")), XmlRpcValue.array(), XmlRpcValue.array()))),
        a("supervisor.addProcessGroup", List.of(s("new")), "addProcessGroup new", ok),
        a("supervisor.removeProcessGroup", List.of(s("grp")), "removeProcessGroup grp", ok),
        a("supervisor4j.updateProcessGroup", List.of(s("grp")), "updateProcessGroup grp", ok),
        a("supervisor.startProcess", List.of(s("cat")), "startProcess cat true", ok),
        a("supervisor.startProcessGroup", List.of(s("grp"), b(false)), "startProcessGroup grp false", grpOk),
        a("supervisor.startAllProcesses", List.of(), "startAllProcesses true", allOk),
        a("supervisor.stopProcess", List.of(s("grp:ga"), b(false)), "stopProcess grp:ga false", ok),
        a("supervisor.stopProcessGroup", List.of(s("grp")), "stopProcessGroup grp true", grpOk),
        a("supervisor.stopAllProcesses", List.of(b(false)), "stopAllProcesses false", allOk),
        a("supervisor.signalProcess", List.of(s("cat"), s("HUP")), "signalProcess cat HUP", ok),
        a("supervisor.signalProcessGroup", List.of(s("grp"), i(18)), "signalProcessGroup grp 18", grpOk),
        a("supervisor.signalAllProcesses", List.of(s("usr1")), "signalAllProcesses usr1", allOk),
        a("supervisor.getProcessInfo", List.of(s("grp:gb")), "getProcessInfo grp:gb",
            Results.processInfo(FakeSupervisorApi.info("grp", "gb"))),
        a("supervisor.getAllProcessInfo", List.of(), "getAllProcessInfo", XmlRpcValue.array(
            Results.processInfo(FakeSupervisorApi.info("cat", "cat")),
            Results.processInfo(FakeSupervisorApi.info("grp", "ga")),
            Results.processInfo(FakeSupervisorApi.info("grp", "gb")))),
        a("supervisor.getAllConfigInfo", List.of(), "getAllConfigInfo", XmlRpcValue.array(
            Results.configInfo(FakeSupervisorApi.config("cat", "cat")),
            Results.configInfo(FakeSupervisorApi.config("grp", "ga")),
            Results.configInfo(FakeSupervisorApi.config("grp", "gb")))),
        a("supervisor.readProcessStdoutLog", List.of(s("cat"), i(0), i(10)), "readProcessStdoutLog cat 0 10",
            s("out:0:10")),
        a("supervisor.readProcessLog", List.of(s("cat"), s("0"), s("10")), "readProcessStdoutLog cat 0 10",
            s("out:0:10")),
        a("supervisor.readProcessStderrLog", List.of(s("cat"), i(-5), i(0)), "readProcessStderrLog cat -5 0",
            s("err:-5:0")),
        a("supervisor.tailProcessStdoutLog", List.of(s("cat"), i(0), i(3)), "tailProcessStdoutLog cat 0 3",
            XmlRpcValue.array(s("789"), i(10), b(true))),
        a("supervisor.tailProcessLog", List.of(s("cat"), i(0), i(3)), "tailProcessStdoutLog cat 0 3",
            XmlRpcValue.array(s("789"), i(10), b(true))),
        a("supervisor.tailProcessStderrLog", List.of(s("cat"), i(0), i(3)), "tailProcessStderrLog cat 0 3",
            XmlRpcValue.array(s(""), i(0), b(false))),
        a("supervisor.clearProcessLogs", List.of(s("cat")), "clearProcessLogs cat", ok),
        a("supervisor.clearProcessLog", List.of(s("grp:ga")), "clearProcessLogs grp:ga", ok),
        a("supervisor.clearAllProcessLogs", List.of(), "clearAllProcessLogs", allOk),
        a("supervisor.sendProcessStdin", List.of(s("cat"), s("té\n")), "sendProcessStdin cat té\n", ok),
        a("supervisor.sendRemoteCommEvent", List.of(s("type"), s("data")), "sendRemoteCommEvent type data", ok),
        a("history.getProcessHistory", List.of(s("cat")), "getProcessHistory cat 0 100", XmlRpcValue.array(
            XmlRpcValue.struct().put("kind", "action").put("user", "alice").put("via", "tcp")
                .put("action", "stopProcess").put("target", "cat").put("ok", true).put("result", "OK")
                .put("time", 1_700_000_000).put("millis", 250).build(),
            XmlRpcValue.struct().put("kind", "state").put("group", "cat").put("name", "cat").put("from", "STOPPING")
                .put("to", "STOPPED").put("pid", 42).put("expected", false).put("spawnerr", "")
                .put("exitstatus", -1).put("time", 1_700_000_000).put("millis", 300).build())),
        a("history.getActions", List.of(i(1_700_000_000), i(5)), "getActions 1700000000 5", XmlRpcValue.array(
            XmlRpcValue.struct().put("kind", "action").put("user", "alice").put("via", "tcp")
                .put("action", "stopProcess").put("target", "cat").put("ok", true).put("result", "OK")
                .put("time", 1_700_000_000).put("millis", 250).build(),
            XmlRpcValue.struct().put("kind", "daemon").put("event", "stopping").put("detail", "SIGTERM")
                .put("time", 1_700_000_001).put("millis", 0).build())),
        a("history.getSummary", List.of(), "getHistorySummary", XmlRpcValue.array(
            XmlRpcValue.struct().put("group", "cat").put("name", "cat").put("starts", 3)
                .put("unexpected_exits", 1).put("last_exit_time", 0).build())),
        a("system.listMethods", List.of(), null, null),
        a("system.methodHelp", List.of(s("supervisor.getPID")), null, null),
        a("system.methodSignature", List.of(s("supervisor.getPID")), null,
            XmlRpcValue.array(s("int"))),
        a("system.multicall", List.of(CALLS), "getPID", XmlRpcValue.array(i(4242))));
  }

  private static Arguments a(String method, List<XmlRpcValue> params, String apiCall, XmlRpcValue expected) {
    return Arguments.of(method, params, apiCall, expected);
  }

  static XmlRpcValue result(String name, String group) {
    return XmlRpcValue.struct().put("name", name).put("group", group).put("status", 80)
        .put("description", "OK").build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validCalls")
  void dispatchesWithValidArguments(String method, List<XmlRpcValue> params, String apiCall,
      XmlRpcValue expected) {
    XmlRpcValue value = rpc.ok(method, params.toArray(XmlRpcValue[]::new));
    if (expected != null) {
      assertEquals(expected, value);
    }
    assertEquals(apiCall == null ? List.of() : List.of(apiCall), rpc.api.calls());
    DISPATCHED.add(method);
  }

  /** method, params with a bad name, the expected faultString. */
  static Stream<Arguments> badNames() {
    return Stream.of(
        Arguments.of("supervisor.addProcessGroup", List.of(s("nosuch"))),
        Arguments.of("supervisor.removeProcessGroup", List.of(s("nosuch"))),
        Arguments.of("supervisor4j.updateProcessGroup", List.of(s("nosuch"))),
        Arguments.of("supervisor.startProcess", List.of(s("nosuch"))),
        Arguments.of("supervisor.startProcess", List.of(s("nosuch:*"))),
        Arguments.of("supervisor.startProcessGroup", List.of(s("nosuch"))),
        Arguments.of("supervisor.stopProcess", List.of(s("grp:nosuch"))),
        Arguments.of("supervisor.stopProcess", List.of(s("nosuch:"))),
        Arguments.of("supervisor.stopProcessGroup", List.of(s("nosuch"))),
        Arguments.of("supervisor.signalProcess", List.of(s("ga"), s("HUP"))),
        Arguments.of("supervisor.signalProcess", List.of(s("nosuch:*"), s("HUP"))),
        Arguments.of("supervisor.signalProcessGroup", List.of(s("nosuch"), s("HUP"))),
        Arguments.of("supervisor.getProcessInfo", List.of(s("grp:*"))),
        Arguments.of("supervisor.readProcessStdoutLog", List.of(s("nosuch"), i(0), i(1))),
        Arguments.of("supervisor.readProcessLog", List.of(s("nosuch"), i(0), i(1))),
        Arguments.of("supervisor.readProcessStderrLog", List.of(s("nosuch"), i(0), i(1))),
        Arguments.of("supervisor.tailProcessStdoutLog", List.of(s("nosuch"), i(0), i(1))),
        Arguments.of("supervisor.tailProcessLog", List.of(s("nosuch"), i(0), i(1))),
        Arguments.of("supervisor.tailProcessStderrLog", List.of(s("nosuch"), i(0), i(1))),
        Arguments.of("supervisor.clearProcessLogs", List.of(s("grp:"))),
        Arguments.of("supervisor.clearProcessLog", List.of(s("nosuch"))),
        Arguments.of("supervisor.sendProcessStdin", List.of(s("nosuch"), s("x"))),
        // An empty name is a name too: BAD_NAME with an empty detail ("BAD_NAME: "), as Supervisor.
        Arguments.of("supervisor.addProcessGroup", List.of(s(""))),
        Arguments.of("supervisor.removeProcessGroup", List.of(s(""))),
        Arguments.of("supervisor.startProcess", List.of(s(""))),
        Arguments.of("supervisor.startProcessGroup", List.of(s(""))),
        Arguments.of("supervisor.signalProcess", List.of(s(""), s("HUP"))),
        Arguments.of("supervisor.getProcessInfo", List.of(s(""))),
        Arguments.of("supervisor.tailProcessStderrLog", List.of(s(""), i(0), i(1))),
        Arguments.of("supervisor.sendProcessStdin", List.of(s(""), s("x"))));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badNames")
  void badNameIsBadNameWithTheNameAsSent(String method, List<XmlRpcValue> params) {
    String name = ((XmlRpcValue.Str) params.get(0)).value();
    String body = rpc.raw(method, params.toArray(XmlRpcValue[]::new));
    assertTrue(body.contains("<fault>\n<value><struct>\n<member>\n<name>faultCode</name>\n<value><int>10</int></value>"), body);
    assertEquals(new MethodResponse.Failure(10, "BAD_NAME: " + name), rpc.codec.decodeResponse(body.getBytes(StandardCharsets.UTF_8)));
  }

  @AfterAll
  static void everyMethodWasDispatched() {
    assertEquals(RpcMethods.names(), new java.util.TreeSet<>(DISPATCHED));
  }

  @Test
  void groupSpecsGoToTheGroupMethodAndAnswerAnArray() {
    XmlRpcValue grpOk = XmlRpcValue.array(result("ga", "grp"), result("gb", "grp"));
    assertEquals(grpOk, rpc.ok("supervisor.startProcess", s("grp:*"), b(false)));
    assertEquals(grpOk, rpc.ok("supervisor.stopProcess", s("grp:")));
    assertEquals(grpOk, rpc.ok("supervisor.signalProcess", s("grp:*"), s("TERM")));
    assertEquals(List.of("startProcessGroup grp false", "stopProcessGroup grp true", "signalProcessGroup grp TERM"),
        rpc.api.calls());
  }

  @Test
  void badSignal() {
    rpc.fault(Fault.BAD_SIGNAL, "BAD_SIGNAL: NOPE", "supervisor.signalProcess", s("cat"), s("NOPE"));
    XmlRpcValue entries = rpc.ok("supervisor.signalProcessGroup", s("grp"), s("NOPE"));
    assertEquals(XmlRpcValue.struct().put("name", "ga").put("group", "grp").put("status", 11)
        .put("description", "BAD_SIGNAL: NOPE").build(), ((XmlRpcValue.Array) entries).get(0));
  }

  @Test
  void wrongArityIsIncorrectParametersWithoutDetail() {
    rpc.fault(Fault.INCORRECT_PARAMETERS, "INCORRECT_PARAMETERS", "supervisor.getPID", i(5));
    rpc.fault(Fault.INCORRECT_PARAMETERS, "INCORRECT_PARAMETERS", "supervisor.readLog", i(0));
    rpc.fault(Fault.INCORRECT_PARAMETERS, "INCORRECT_PARAMETERS", "supervisor.startProcess");
    rpc.fault(Fault.INCORRECT_PARAMETERS, "INCORRECT_PARAMETERS", "supervisor.startProcess", s("cat"), b(true), b(true));
    rpc.fault(Fault.INCORRECT_PARAMETERS, "INCORRECT_PARAMETERS", "system.listMethods", s("x"));
    rpc.fault(Fault.INCORRECT_PARAMETERS, "INCORRECT_PARAMETERS", "system.multicall");
    assertEquals(List.of(), rpc.api.calls());
  }

  @Test
  void intArgumentsFollowPythonInt() {
    rpc.ok("supervisor.readLog", s("0"), s(" 10 "));
    rpc.ok("supervisor.readLog", new XmlRpcValue.Real(0.0), i(5));
    rpc.ok("supervisor.readLog", new XmlRpcValue.Real(-3.9), b(false));
    rpc.ok("supervisor.readLog", s("1_0"), b(true));
    assertEquals(List.of("readLog 0 10", "readLog 0 5", "readLog -3 0", "readLog 10 1"), rpc.api.calls());
  }

  @Test
  void wrongArgumentTypesAreIncorrectParametersNeverA500() {
    String ip = "INCORRECT_PARAMETERS";
    Fault f = Fault.INCORRECT_PARAMETERS;
    rpc.fault(f, ip, "supervisor.readLog", s("abc"), i(5));
    rpc.fault(f, ip, "supervisor.readLog", s("1.5"), i(5));
    rpc.fault(f, ip, "supervisor.readLog", XmlRpcValue.Nil.INSTANCE, i(5));
    rpc.fault(f, ip, "supervisor.readLog", XmlRpcValue.array(), i(5));
    rpc.fault(f, ip, "supervisor.readLog", new XmlRpcValue.Real(Double.NaN), i(5));
    rpc.fault(f, ip, "supervisor.getProcessInfo", i(5));
    rpc.fault(f, ip, "supervisor.getProcessInfo", XmlRpcValue.Nil.INSTANCE);
    rpc.fault(f, ip, "supervisor.signalProcess", s("cat"), XmlRpcValue.array());
    rpc.fault(f, ip, "supervisor.tailProcessStdoutLog", s("cat"), s("x"), i(1));
    assertEquals(List.of(), rpc.api.calls());
  }

  /**
   * Supervisor's group methods do not check the name's type: a value that is not a string matches no
   * group (BAD_NAME, with the value as Python prints it; None gives no detail), and only the dict
   * lookup of the methods other than addProcessGroup fails on a list or struct (TypeError).
   */
  @Test
  void groupMethodsTakeAnyValueAsANameThatMatchesNoGroup() {
    XmlRpcValue list = XmlRpcValue.array(s("grp"));
    XmlRpcValue struct = XmlRpcValue.struct().put("a", "b").build();
    XmlRpcValue when = new XmlRpcValue.DateTime(java.time.LocalDateTime.of(2020, 1, 2, 3, 4, 5));
    for (String m : List.of("supervisor.addProcessGroup", "supervisor.removeProcessGroup",
        "supervisor.startProcessGroup", "supervisor.stopProcessGroup", "supervisor4j.updateProcessGroup")) {
      rpc.fault(Fault.BAD_NAME, "BAD_NAME: 1", m, i(1));
      rpc.fault(Fault.BAD_NAME, "BAD_NAME: True", m, b(true));
      rpc.fault(Fault.BAD_NAME, "BAD_NAME: 1.5", m, new XmlRpcValue.Real(1.5));
      rpc.fault(Fault.BAD_NAME, "BAD_NAME: 2020-01-02 03:04:05", m, when);
      rpc.fault(Fault.BAD_NAME, "BAD_NAME", m, XmlRpcValue.Nil.INSTANCE);
      boolean scans = m.equals("supervisor.addProcessGroup");
      rpc.fault(scans ? Fault.BAD_NAME : Fault.INCORRECT_PARAMETERS, scans ? "BAD_NAME: ['grp']" : "INCORRECT_PARAMETERS",
          m, list);
      rpc.fault(scans ? Fault.BAD_NAME : Fault.INCORRECT_PARAMETERS, scans ? "BAD_NAME: {'a': 'b'}" : "INCORRECT_PARAMETERS",
          m, struct);
    }
    rpc.fault(Fault.BAD_NAME, "BAD_NAME: 1", "supervisor.signalProcessGroup", i(1), s("NOSIG"));
    rpc.fault(Fault.INCORRECT_PARAMETERS, "INCORRECT_PARAMETERS", "supervisor.signalProcessGroup", list, s("HUP"));
    assertEquals(List.of(), rpc.api.calls());
  }

  @Test
  void sendProcessStdinCharsMustBeAStringAndTheFaultShowsThem() {
    rpc.fault(Fault.INCORRECT_PARAMETERS, "INCORRECT_PARAMETERS: 5", "supervisor.sendProcessStdin", s("cat"), i(5));
    rpc.fault(Fault.INCORRECT_PARAMETERS, "INCORRECT_PARAMETERS: ['x', 1]", "supervisor.sendProcessStdin",
        s("cat"), XmlRpcValue.array(s("x"), i(1)));
    // Checked before the name, as Supervisor does.
    rpc.fault(Fault.INCORRECT_PARAMETERS, "INCORRECT_PARAMETERS: None", "supervisor.sendProcessStdin",
        s("nosuch"), XmlRpcValue.Nil.INSTANCE);
  }

  @Test
  void signalsMayBeIntegers() {
    rpc.ok("supervisor.signalProcess", s("cat"), i(18));
    rpc.ok("supervisor.signalAllProcesses", s("SIGTERM"));
    assertEquals(List.of("signalProcess cat 18", "signalAllProcesses SIGTERM"), rpc.api.calls());
  }

  @Test
  void waitIsPythonTruthiness() {
    rpc.ok("supervisor.startProcess", s("cat"), s("0"));
    rpc.ok("supervisor.startProcess", s("cat"), i(0));
    rpc.ok("supervisor.startProcess", s("cat"), s(""));
    rpc.ok("supervisor.startProcess", s("cat"), XmlRpcValue.Nil.INSTANCE);
    rpc.ok("supervisor.startProcess", s("cat"), i(2));
    rpc.ok("supervisor.stopAllProcesses", XmlRpcValue.array());
    assertEquals(List.of("startProcess cat true", "startProcess cat false", "startProcess cat false",
        "startProcess cat false", "startProcess cat true", "stopAllProcesses false"), rpc.api.calls());
  }

  @Test
  void remoteCommEventTakesAnythingAsPythonStr() {
    rpc.ok("supervisor.sendRemoteCommEvent", i(5), b(true));
    assertEquals(List.of("sendRemoteCommEvent 5 True"), rpc.api.calls());
  }

  @Test
  void faultsFromTheApiKeepTheirCodeAndText() {
    rpc.fault(Fault.BAD_ARGUMENTS, "BAD_ARGUMENTS", "supervisor.readLog", i(-1), i(5));
    rpc.fault(Fault.ALREADY_ADDED, "ALREADY_ADDED: grp", "supervisor.addProcessGroup", s("grp"));
  }

  @Test
  void anUnexpectedExceptionIsAFailedFaultNotA500() {
    FakeSupervisorApi api = FakeSupervisorApi.standard();
    api.throwOn("getPID", new IllegalStateException("boom"));
    RpcHarness h = new RpcHarness(api);
    h.fault(Fault.FAILED, "FAILED: <class 'java.lang.IllegalStateException'>:boom", "supervisor.getPID");
  }

  @Test
  void aFailedStageWithAnUnexpectedExceptionIsFailedToo() {
    FakeSupervisorApi api = FakeSupervisorApi.standard();
    api.replyWith("getIdentification",
        () -> CompletableFuture.failedFuture(new UncheckedIOException(new IOException("disk"))));
    api.replyWith("getPID", () -> null);
    api.replyWith("clearLog", () -> CompletableFuture.completedFuture(null));
    RpcHarness h = new RpcHarness(api);
    h.fault(Fault.FAILED, "FAILED: <class 'java.io.UncheckedIOException'>:java.io.IOException: disk",
        "supervisor.getIdentification");
    assertEquals(Fault.FAILED.code(), ((MethodResponse.Failure) h.call("supervisor.getPID")).faultCode());
    assertEquals(Fault.FAILED.code(), ((MethodResponse.Failure) h.call("supervisor.clearLog")).faultCode());
  }

  @Test
  void malformedRequestsFailTheStageForA400() {
    for (String body : List.of("", "<methodCall/>", "<methodCall><methodName>a.b</methodName>",
        "<!DOCTYPE x [<!ENTITY e 'x'>]><methodCall><methodName>&e;</methodName></methodCall>")) {
      CompletableFuture<byte[]> f = rpc.dispatcher.handle(body.getBytes(StandardCharsets.UTF_8)).toCompletableFuture();
      ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, f::get);
      assertInstanceOf(MalformedRequest.class, e.getCause(), body);
    }
  }

  @Test
  void shutdownStateComesFromTheApi() {
    rpc.api.state(dev.supervisor4j.protocol.SupervisorState.SHUTDOWN);
    rpc.fault(Fault.SHUTDOWN_STATE, "SHUTDOWN_STATE", "supervisor.startProcess", s("cat"));
    rpc.ok("supervisor.sendRemoteCommEvent", s("t"), s("d"));
  }
}
