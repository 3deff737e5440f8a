package dev.supervisor4j.protocol.xmlrpc;

import static dev.supervisor4j.protocol.xmlrpc.RpcHarness.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.SupervisorState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The table and system.* introspection against what the real Supervisor 4.2.5 reported. */
class RpcMethodsTest {

  /** {@code system.methodSignature(m)} for every {@code system.listMethods()} name, from supervisord 4.2.5. */
  static final Map<String, List<String>> SUPERVISOR_4_2_5 = new TreeMap<>(Map.ofEntries(
      Map.entry("supervisor.addProcessGroup", List.of("boolean", "string")),
      Map.entry("supervisor.clearAllProcessLogs", List.of("array")),
      Map.entry("supervisor.clearLog", List.of("boolean")),
      Map.entry("supervisor.clearProcessLog", List.of("boolean", "string")),
      Map.entry("supervisor.clearProcessLogs", List.of("boolean", "string")),
      Map.entry("supervisor.getAPIVersion", List.of("string")),
      Map.entry("supervisor.getAllConfigInfo", List.of("array")),
      Map.entry("supervisor.getAllProcessInfo", List.of("array")),
      Map.entry("supervisor.getIdentification", List.of("string")),
      Map.entry("supervisor.getPID", List.of("int")),
      Map.entry("supervisor.getProcessInfo", List.of("struct", "string")),
      Map.entry("supervisor.getState", List.of("struct")),
      Map.entry("supervisor.getSupervisorVersion", List.of("string")),
      Map.entry("supervisor.getVersion", List.of("string")),
      Map.entry("supervisor.readLog", List.of("string", "int", "int")),
      Map.entry("supervisor.readMainLog", List.of("string", "int", "int")),
      Map.entry("supervisor.readProcessLog", List.of("string", "string", "int", "int")),
      Map.entry("supervisor.readProcessStderrLog", List.of("string", "string", "int", "int")),
      Map.entry("supervisor.readProcessStdoutLog", List.of("string", "string", "int", "int")),
      Map.entry("supervisor.reloadConfig", List.of("array")),
      Map.entry("supervisor.removeProcessGroup", List.of("boolean", "string")),
      Map.entry("supervisor.restart", List.of("boolean")),
      Map.entry("supervisor.sendProcessStdin", List.of("boolean", "string", "string")),
      Map.entry("supervisor.sendRemoteCommEvent", List.of("boolean", "string", "string")),
      Map.entry("supervisor.shutdown", List.of("boolean")),
      Map.entry("supervisor.signalAllProcesses", List.of("array", "string")),
      Map.entry("supervisor.signalProcess", List.of("boolean", "string", "string")),
      Map.entry("supervisor.signalProcessGroup", List.of("array", "string", "string")),
      Map.entry("supervisor.startAllProcesses", List.of("array", "boolean")),
      Map.entry("supervisor.startProcess", List.of("boolean", "string", "boolean")),
      Map.entry("supervisor.startProcessGroup", List.of("array", "string", "boolean")),
      Map.entry("supervisor.stopAllProcesses", List.of("array", "boolean")),
      Map.entry("supervisor.stopProcess", List.of("boolean", "string", "boolean")),
      Map.entry("supervisor.stopProcessGroup", List.of("array", "string", "boolean")),
      Map.entry("supervisor.tailProcessLog", List.of("array", "string", "int", "int")),
      Map.entry("supervisor.tailProcessStderrLog", List.of("array", "string", "int", "int")),
      Map.entry("supervisor.tailProcessStdoutLog", List.of("array", "string", "int", "int")),
      Map.entry("system.listMethods", List.of("array")),
      Map.entry("system.methodHelp", List.of("string", "string")),
      Map.entry("system.methodSignature", List.of("array", "string")),
      Map.entry("system.multicall", List.of("array", "array"))));

  private final RpcHarness rpc = new RpcHarness();

  @Test
  void tableHasExactlySupervisorsNamesPlusOurOwnNamespaces() {
    List<String> supervisors = RpcMethods.names().stream().filter(RpcMethods::isSupervisors).toList();
    assertEquals(41, supervisors.size());
    assertEquals(List.copyOf(SUPERVISOR_4_2_5.keySet()), supervisors);
    RpcMethods.names().stream().filter(n -> !RpcMethods.isSupervisors(n))
        .forEach(n -> assertTrue(n.startsWith("supervisor4j.") || n.startsWith("history."), n));
  }

  @Test
  void listMethodsIsSortedAndComplete() {
    List<XmlRpcValue> expected = new ArrayList<>();
    RpcMethods.names().forEach(n -> expected.add(s(n)));
    assertEquals(new XmlRpcValue.Array(expected), rpc.ok("system.listMethods"));
    assertTrue(RpcMethods.names().containsAll(SUPERVISOR_4_2_5.keySet()));
  }

  @Test
  void everySignatureIsSupervisors() {
    SUPERVISOR_4_2_5.forEach((name, signature) -> {
      List<XmlRpcValue> expected = new ArrayList<>();
      signature.forEach(t -> expected.add(s(t)));
      assertEquals(new XmlRpcValue.Array(expected), rpc.ok("system.methodSignature", s(name)), name);
    });
  }

  @Test
  void everyMethodHasHelp() {
    for (String name : SUPERVISOR_4_2_5.keySet()) {
      XmlRpcValue help = rpc.ok("system.methodHelp", s(name));
      assertFalse(((XmlRpcValue.Str) help).value().isBlank(), name);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"supervisor.nosuch", "supervisor.__init__", "supervisor", "foo", "supervisor.a.b", ""})
  void introspectingAnUnknownNameIsSignatureUnsupported(String name) {
    rpc.fault(Fault.SIGNATURE_UNSUPPORTED, "SIGNATURE_UNSUPPORTED", "system.methodHelp", s(name));
    rpc.fault(Fault.SIGNATURE_UNSUPPORTED, "SIGNATURE_UNSUPPORTED", "system.methodSignature", s(name));
  }

  @Test
  void introspectingANonStringIsSignatureUnsupported() {
    rpc.fault(Fault.SIGNATURE_UNSUPPORTED, "SIGNATURE_UNSUPPORTED", "system.methodHelp", RpcHarness.i(5));
  }

  @ParameterizedTest
  @ValueSource(strings = {"supervisor.__init__", "supervisor._update", "supervisor.a.b", "foo",
      "supervisor", "supervisor.", ".getPID", "nosuch.getPID", "system.nosuch", "supervisor.getpid",
      "supervisor.getPID.", "supervisor..getPID", "system.multicall.__class__", " supervisor.getPID"})
  void unknownNamesAreUnknownMethod(String name) {
    assertNull(RpcMethods.lookup(name));
    rpc.fault(Fault.UNKNOWN_METHOD, "UNKNOWN_METHOD", name);
  }

  @Test
  void systemMethodsWorkWhileShuttingDown() {
    rpc.api.state(SupervisorState.SHUTDOWN);
    assertEquals(RpcMethods.names().size(), ((XmlRpcValue.Array) rpc.ok("system.listMethods")).size());
    rpc.ok("system.methodHelp", s("supervisor.getPID"));
    rpc.ok("system.methodSignature", s("supervisor.getPID"));
    rpc.fault(Fault.SHUTDOWN_STATE, "SHUTDOWN_STATE", "supervisor.getPID");
    assertEquals(XmlRpcValue.array(XmlRpcValue.struct().put("faultCode", 6).put("faultString", "SHUTDOWN_STATE").build()),
        rpc.ok("system.multicall", XmlRpcValue.array(XmlRpcValue.struct().put("methodName", "supervisor.getPID").build())));
  }

  /** The supervisor.* and system.* names: extension namespaces (history.*) are counted elsewhere. */
}
