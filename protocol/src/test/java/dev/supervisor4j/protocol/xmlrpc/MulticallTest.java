package dev.supervisor4j.protocol.xmlrpc;

import static dev.supervisor4j.protocol.xmlrpc.RpcHarness.b;
import static dev.supervisor4j.protocol.xmlrpc.RpcHarness.i;
import static dev.supervisor4j.protocol.xmlrpc.RpcHarness.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.testing.FakeSupervisorApi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** system.multicall as supervisord 4.2.5 answers it (spec §2.10): bare values, in order, one at a time. */
class MulticallTest {
  private final RpcHarness rpc = new RpcHarness();

  private static XmlRpcValue call(String method, XmlRpcValue... params) {
    return XmlRpcValue.struct().put("methodName", method).put("params", XmlRpcValue.array(params)).build();
  }

  private static XmlRpcValue fault(Fault f, String text) {
    return XmlRpcValue.struct().put("faultCode", f.code()).put("faultString", text).build();
  }

  @Test
  void theVerifiedSample() {
    XmlRpcValue calls = XmlRpcValue.array(
        call("supervisor.getState"),
        call("supervisor.getProcessInfo", s("nosuch")),
        call("system.multicall", XmlRpcValue.array()),
        XmlRpcValue.struct().put("params", XmlRpcValue.array()).build(),
        call("supervisor.startProcess", s("cat")),
        call("supervisor.stopProcess", s("cat")));
    assertEquals(XmlRpcValue.array(
        XmlRpcValue.struct().put("statecode", 1).put("statename", "RUNNING").build(),
        fault(Fault.BAD_NAME, "BAD_NAME: nosuch"),
        fault(Fault.INCORRECT_PARAMETERS, "INCORRECT_PARAMETERS: Recursive system.multicall forbidden"),
        fault(Fault.INCORRECT_PARAMETERS, "INCORRECT_PARAMETERS: No methodName"),
        b(true),
        b(true)), rpc.ok("system.multicall", calls));
  }

  @Test
  void valuesAreBareOnTheWire() {
    assertEquals("<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><array><data>\n"
        + "<value><string>3.0</string></value>\n<value><int>4242</int></value>\n"
        + "</data></array></value>\n</param>\n</params>\n</methodResponse>\n",
        rpc.raw("system.multicall", XmlRpcValue.array(call("supervisor.getVersion"),
            XmlRpcValue.struct().put("methodName", "supervisor.getPID").build())));
  }

  @Test
  void aHeldCallFinishesBeforeTheNextBegins() {
    CompletableFuture<Void> gate = rpc.api.hold("startProcess");
    CompletableFuture<byte[]> pending = rpc.send("system.multicall",
        XmlRpcValue.array(call("supervisor.startProcess", s("cat")), call("supervisor.getPID")));
    assertFalse(pending.isDone());
    assertEquals(List.of("startProcess cat true"), rpc.api.calls());
    gate.complete(null);
    MethodResponse r = rpc.codec.decodeResponse(RpcHarness.join(pending));
    assertEquals(new MethodResponse.Success(XmlRpcValue.array(b(true), i(4242))), r);
    assertEquals(List.of("startProcess cat true", "getPID"), rpc.api.calls());
  }

  @Test
  void everyKindOfBadEntryIsAFaultStructNotAFailedMulticall() {
    FakeSupervisorApi api = FakeSupervisorApi.standard();
    api.throwOn("clearLog", new IllegalArgumentException("bug"));
    RpcHarness h = new RpcHarness(api);
    XmlRpcValue calls = XmlRpcValue.array(
        call("supervisor.nosuch"),
        call("supervisor.__init__"),
        call("supervisor.getPID", i(1)),
        XmlRpcValue.struct().put("methodName", "supervisor.getPID").put("params", s("ab")).build(),
        XmlRpcValue.struct().put("methodName", XmlRpcValue.Nil.INSTANCE).build(),
        XmlRpcValue.struct().put("methodName", i(5)).build(),
        s("not a struct"),
        call("supervisor.clearLog"),
        call("supervisor.readLog", s("x"), i(1)),
        call("supervisor.getIdentification"));
    assertEquals(XmlRpcValue.array(
        fault(Fault.UNKNOWN_METHOD, "UNKNOWN_METHOD"),
        fault(Fault.UNKNOWN_METHOD, "UNKNOWN_METHOD"),
        fault(Fault.INCORRECT_PARAMETERS, "INCORRECT_PARAMETERS"),
        fault(Fault.INCORRECT_PARAMETERS, "INCORRECT_PARAMETERS"),
        fault(Fault.INCORRECT_PARAMETERS, "INCORRECT_PARAMETERS: No methodName"),
        fault(Fault.FAILED, "FAILED: methodName is not a string: 5"),
        fault(Fault.INCORRECT_PARAMETERS, "INCORRECT_PARAMETERS: No methodName"),
        fault(Fault.FAILED, "FAILED: <class 'java.lang.IllegalArgumentException'>:bug"),
        fault(Fault.INCORRECT_PARAMETERS, "INCORRECT_PARAMETERS"),
        s("supervisor")), h.ok("system.multicall", calls));
  }

  @Test
  void aNonArrayArgumentIsIncorrectParameters() {
    rpc.fault(Fault.INCORRECT_PARAMETERS, "INCORRECT_PARAMETERS", "system.multicall", s("abc"));
    assertEquals(XmlRpcValue.array(), rpc.ok("system.multicall", XmlRpcValue.array()));
  }

  @Test
  void tenThousandImmediateCallsDoNotNestTheStack() {
    List<XmlRpcValue> calls = Collections.nCopies(10_000, call("supervisor.getPID"));
    // Straight to the dispatcher: the HTTP daemon tests send the same over the wire.
    MethodResponse r = RpcHarness.join(rpc.dispatcher.call(
        new MethodCall("system.multicall", List.of(new XmlRpcValue.Array(calls)))).toCompletableFuture());
    XmlRpcValue.Array result = (XmlRpcValue.Array) ((MethodResponse.Success) r).value();
    assertEquals(10_000, result.size());
    assertEquals(i(4242), result.get(9_999));
  }

  @Test
  void manyAsynchronousCallsStayInOrder() {
    FakeSupervisorApi api = FakeSupervisorApi.standard();
    int[] counter = {0};
    api.replyWith("getPID", () -> {
      long n = counter[0]++;
      return CompletableFuture.supplyAsync(() -> n);
    });
    List<XmlRpcValue> expected = new ArrayList<>();
    for (int n = 0; n < 2_000; n++) {
      expected.add(i(n));
    }
    List<XmlRpcValue> calls = Collections.nCopies(2_000, call("supervisor.getPID"));
    assertEquals(new XmlRpcValue.Array(expected),
        new RpcHarness(api).ok("system.multicall", new XmlRpcValue.Array(calls)));
  }
}
