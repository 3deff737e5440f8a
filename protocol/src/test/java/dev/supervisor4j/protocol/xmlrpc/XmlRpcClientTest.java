package dev.supervisor4j.protocol.xmlrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.SupervisorApi;
import dev.supervisor4j.protocol.SupervisorFault;
import dev.supervisor4j.protocol.testing.FakeSupervisorApi;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The client built from the method table against the server built from the same table: encode with
 * the server's encoders, decode with the client's decoders, for every method's result type.
 */
class XmlRpcClientTest {
  private final FakeSupervisorApi fake = FakeSupervisorApi.standard();
  /** The same script, called directly: its answers are what the client must decode. */
  private final FakeSupervisorApi direct = FakeSupervisorApi.standard();
  private final List<String> requests = new ArrayList<>();
  private final XmlRpcClient client = new XmlRpcClient(new Loopback(new RpcDispatcher(fake)));

  /** Carries the bytes straight to a dispatcher, or answers a canned body. */
  private final class Loopback implements XmlRpcClient.Transport {
    private final RpcDispatcher dispatcher;
    String canned;

    Loopback(RpcDispatcher dispatcher) {
      this.dispatcher = dispatcher;
    }

    @Override
    public byte[] post(byte[] body) {
      requests.add(new String(body, StandardCharsets.UTF_8));
      if (canned != null) {
        return canned.getBytes(StandardCharsets.UTF_8);
      }
      return dispatcher.handle(body).toCompletableFuture().join();
    }

    @Override
    public CompletionStage<Flow.Publisher<byte[]>> follow(String path) {
      requests.add("GET " + path);
      return CompletableFuture.failedFuture(new IllegalStateException("no streams here"));
    }
  }

  private static <T> T join(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get();
    } catch (InterruptedException | ExecutionException e) {
      throw new AssertionError(e);
    }
  }

  private static Throwable failure(CompletionStage<?> stage) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> stage.toCompletableFuture().get());
    return e.getCause();
  }

  /** The same call on the API and through the wire gives equal records. */
  private <T> void roundTrip(Function<SupervisorApi, CompletionStage<T>> call) {
    T expected = join(call.apply(direct));
    T wired = join(call.apply(client));
    assertEquals(expected, wired);
  }

  @Test
  void everyResultTypeRoundTrips() {
    roundTrip(SupervisorApi::getAPIVersion);
    roundTrip(SupervisorApi::getSupervisorVersion);
    roundTrip(SupervisorApi::getIdentification);
    roundTrip(SupervisorApi::getState);
    roundTrip(SupervisorApi::getPID);
    roundTrip(api -> api.readLog(0, 10));
    roundTrip(SupervisorApi::clearLog);
    roundTrip(SupervisorApi::reloadConfig);
    roundTrip(api -> api.addProcessGroup("new"));
    roundTrip(api -> api.removeProcessGroup("new"));
    roundTrip(api -> api.updateProcessGroup("cat"));
    roundTrip(api -> api.startProcess("cat", true));
    roundTrip(api -> api.startProcessGroup("grp", false));
    roundTrip(api -> api.startAllProcesses(true));
    roundTrip(api -> api.stopProcess("grp:ga", false));
    roundTrip(api -> api.stopProcessGroup("grp", true));
    roundTrip(api -> api.stopAllProcesses(false));
    roundTrip(api -> api.signalProcess("cat", "HUP"));
    roundTrip(api -> api.signalProcessGroup("grp", "USR1"));
    roundTrip(api -> api.signalAllProcesses("15"));
    roundTrip(api -> api.getProcessInfo("grp:gb"));
    roundTrip(SupervisorApi::getAllProcessInfo);
    roundTrip(SupervisorApi::getAllConfigInfo);
    roundTrip(api -> api.readProcessStdoutLog("cat", 0, 5));
    roundTrip(api -> api.readProcessStderrLog("cat", -5, 0));
    roundTrip(api -> api.tailProcessStdoutLog("cat", 0, 5));
    roundTrip(api -> api.tailProcessStderrLog("cat", 0, 5));
    roundTrip(api -> api.clearProcessLogs("cat"));
    roundTrip(SupervisorApi::clearAllProcessLogs);
    roundTrip(api -> api.sendProcessStdin("cat", "hello\n"));
    roundTrip(api -> api.sendRemoteCommEvent("type", "data"));
    roundTrip(api -> api.getProcessHistory("cat", 0, 10));
    roundTrip(api -> api.getActions(0, 10));
    roundTrip(SupervisorApi::getHistorySummary);
    roundTrip(SupervisorApi::restart);
    roundTrip(SupervisorApi::shutdown);
  }

  @Test
  void systemMethodsDecodeWithTheTable() {
    assertEquals(List.copyOf(RpcMethods.names()), join(client.<List<String>>call("system.listMethods")));
    assertEquals(List.of("boolean", "string", "string"),
        join(client.<List<String>>call("system.methodSignature", "supervisor.signalProcess")));
    assertEquals("Alias of readLog.", join(client.<String>call("system.methodHelp", "supervisor.readMainLog")));
    assertEquals("3.0", join(client.getVersion()));
  }

  @Test
  void everyTableEntryHasADecoderAndAHandler() {
    for (String name : RpcMethods.names()) {
      assertTrue(RpcMethods.lookup(name).decoder() != null, name);
      assertTrue(RpcMethods.handler(RpcMethods.lookup(name)) != null, name);
    }
  }

  @Test
  void waitIsSentOnlyWhenFalseAsSupervisorctlDoes() {
    join(client.startProcess("cat", true));
    join(client.stopProcess("cat", false));
    assertTrue(requests.get(0).contains("<param>\n<value><string>cat</string></value>\n</param>\n</params>"),
        requests.get(0));
    assertTrue(requests.get(1).contains("<value><boolean>0</boolean></value>"), requests.get(1));
  }

  @Test
  void knownFaultsAreSupervisorFaultsAndUnknownOnesRpcFaults() {
    SupervisorFault bad = assertInstanceOf(SupervisorFault.class, failure(client.getProcessInfo("nosuch")));
    assertEquals(Fault.BAD_NAME, bad.fault());
    assertEquals("BAD_NAME: nosuch", bad.getMessage());
    SupervisorFault unknown = assertInstanceOf(SupervisorFault.class,
        failure(client.call("system.methodHelp", "supervisor.nosuch")));
    assertEquals(Fault.SIGNATURE_UNSUPPORTED, unknown.fault());
    assertTrue(unknown.detail().isEmpty());

    Loopback canned = new Loopback(null);
    XmlRpcClient cannedClient = new XmlRpcClient(canned);
    canned.canned = "<?xml version='1.0'?>\n<methodResponse>\n<fault>\n<value><struct>\n"
        + "<member>\n<name>faultCode</name>\n<value><int>99</int></value>\n</member>\n"
        + "<member>\n<name>faultString</name>\n<value><string>ODD</string></value>\n</member>\n"
        + "</struct></value>\n</fault>\n</methodResponse>\n";
    RpcFault odd = assertInstanceOf(RpcFault.class, failure(cannedClient.getPID()));
    assertEquals(99, odd.code());
    assertEquals("<Fault 99: 'ODD'>", odd.getMessage());
  }

  private static String response(String value) {
    return "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value>" + value
        + "</value>\n</param>\n</params>\n</methodResponse>\n";
  }

  private ClientError clientError(CompletionStage<?> stage) {
    return assertInstanceOf(ClientError.class, failure(stage));
  }

  @Test
  void unusableAnswersFailAsPythonsClientWould() {
    Loopback canned = new Loopback(null);
    XmlRpcClient c = new XmlRpcClient(canned);
    canned.canned = "not xml";
    assertEquals("xml.parsers.expat.ExpatError", clientError(c.getPID()).pythonClass());

    canned.canned = response("<string>x</string>");
    ClientError notArray = clientError(c.getAllProcessInfo());
    assertEquals("TypeError", notArray.pythonClass());
    assertEquals("expected an array, got String", notArray.getMessage());
    assertEquals("expected a struct, got String", clientError(c.getState()).getMessage());

    canned.canned = response("<array><data>\n<value><int>1</int></value>\n</data></array>");
    assertEquals("expected a struct, got Long", clientError(c.getAllProcessInfo()).getMessage());

    canned.canned = response("<struct>\n<member>\n<name>state</name>\n<value><int>77</int></value>\n</member>\n"
        + "</struct>");
    ClientError state = clientError(c.getProcessInfo("x"));
    assertEquals("ValueError", state.pythonClass());
    assertEquals("unknown process state 77", state.getMessage());

    canned.canned = response("<array><data>\n<value><struct>\n"
        + "<member>\n<name>name</name>\n<value><string>ga</string></value>\n</member>\n"
        + "<member>\n<name>group</name>\n<value><string>grp</string></value>\n</member>\n"
        + "<member>\n<name>status</name>\n<value><int>12345</int></value>\n</member>\n"
        + "</struct></value>\n</data></array>");
    assertEquals("Unknown result code 12345 for grp:ga", clientError(c.startAllProcesses(true)).getMessage());
  }

  @Test
  void missingMembersReadAsZeroOrEmptyAndNumbersAsStringsAreParsed() {
    Loopback canned = new Loopback(null);
    XmlRpcClient c = new XmlRpcClient(canned);
    canned.canned = response("<struct>\n<member>\n<name>state</name>\n<value><string> 20 </string></value>\n"
        + "</member>\n<member>\n<name>pid</name>\n<value><boolean>1</boolean></value>\n</member>\n</struct>");
    var info = join(c.getProcessInfo("x"));
    assertEquals(ProcessState.RUNNING, info.state());
    assertEquals(1L, info.pid());
    assertEquals("", info.name());
    assertEquals(0L, info.start());
    canned.canned = response("<int>7</int>");
    assertEquals("7", join(c.getAPIVersion()));
    assertEquals(true, join(c.clearLog()));
  }

  @Test
  void integersBeyond32BitsAreRefusedBeforeSending() {
    ClientError e = clientError(client.readLog(1L << 31, 0));
    assertEquals("OverflowError", e.pythonClass());
    assertEquals("int exceeds XML-RPC limits", e.getMessage());
    assertEquals(List.of(), requests);
  }

  @Test
  void logStreamsGoToTheTransport() {
    assertInstanceOf(IllegalStateException.class, failure(client.followProcessLog("cat", "stderr")));
    assertInstanceOf(IllegalStateException.class, failure(client.followMainLog()));
    assertEquals(List.of("GET /logtail/cat/stderr", "GET /mainlogtail"), requests);
  }
}
