package dev.supervisor4j.protocol.xmlrpc;

import dev.supervisor4j.protocol.ConfigChanges;
import dev.supervisor4j.protocol.ConfigInfo;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.HistoryEntry;
import dev.supervisor4j.protocol.HistorySummary;
import dev.supervisor4j.protocol.LogTail;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.SupervisorApi;
import dev.supervisor4j.protocol.SupervisorFault;
import dev.supervisor4j.protocol.SupervisorState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * {@link SupervisorApi} over XML-RPC, from the same method table the server answers with
 * ({@link RpcMethods}): each method encodes its name and arguments with {@link XmlRpcCodec}, has its
 * {@link Transport} carry the body, and decodes the answer with the table's decoder for that name,
 * the inverse of the server's encoder ({@link Results}).
 *
 * <p>Calls run on the caller's thread and return completed stages. A fault with a known code fails
 * the stage with {@link SupervisorFault}, an unknown code with {@link RpcFault}; a bad argument or
 * an unusable answer with {@link ClientError}; the transport's own failures pass through as they
 * are. Like Supervisor's client it never sends {@code wait=true} (the server's default), so its
 * requests are the same bytes as supervisorctl's.
 */
public final class XmlRpcClient implements SupervisorApi {
  /** Carries request bodies to {@code POST /RPC2} and opens the log streams; it may throw. */
  public interface Transport {
    /** Sends one request body and returns the response body of a 200. */
    byte[] post(byte[] body);

    /** Opens {@code GET path} ({@code /logtail/...}, {@code /mainlogtail}) as a stream of bytes. */
    CompletionStage<Flow.Publisher<byte[]>> follow(String path);
  }

  private final Transport transport;
  private final XmlRpcCodec codec;

  public XmlRpcClient(Transport transport) {
    this(transport, new XmlRpcCodec());
  }

  public XmlRpcClient(Transport transport, XmlRpcCodec codec) {
    this.transport = Objects.requireNonNull(transport);
    this.codec = Objects.requireNonNull(codec);
  }

  /**
   * Calls a method of the table and decodes its result as the table says.
   *
   * @param method {@code namespace.method}, one of {@link RpcMethods#names()}
   * @param args   strings, booleans and integers (an integer beyond 32 bits is an OverflowError)
   * @param <T>    the type the method's decoder returns
   */
  public <T> CompletionStage<T> call(String method, Object... args) {
    try {
      return CompletableFuture.completedFuture(invoke(method, args));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T invoke(String name, Object... args) {
    RpcMethod method = RpcMethods.lookup(name);
    if (method == null) {
      throw new IllegalArgumentException("not in the method table: " + name);
    }
    List<XmlRpcValue> params = new ArrayList<>(args.length);
    for (Object arg : args) {
      params.add(toValue(arg));
    }
    byte[] body = transport.post(codec.encodeCall(name, params));
    MethodResponse response;
    try {
      response = codec.decodeResponse(body);
    } catch (MalformedResponse e) {
      throw new ClientError("xml.parsers.expat.ExpatError", e.getMessage());
    }
    if (response instanceof MethodResponse.Failure f) {
      throw fault(f.faultCode(), f.faultString());
    }
    return (T) method.decoder().decode(((MethodResponse.Success) response).value());
  }

  /** Python's marshaller: {@code <int>} is 32 bits, larger values are refused before sending. */
  private static XmlRpcValue toValue(Object arg) {
    if (arg instanceof String s) {
      return XmlRpcValue.of(s);
    }
    if (arg instanceof Boolean b) {
      return XmlRpcValue.of(b.booleanValue());
    }
    if (arg instanceof Integer || arg instanceof Long) {
      long n = ((Number) arg).longValue();
      if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
        throw new ClientError("OverflowError", "int exceeds XML-RPC limits");
      }
      return XmlRpcValue.of(n);
    }
    throw new IllegalArgumentException("no XML-RPC form for " + arg);
  }

  /**
   * A known fault code as {@link SupervisorFault} (detail = the text after {@code NAME: }, none for
   * a bare {@code NAME}); an unknown one as {@link RpcFault}.
   */
  static RuntimeException fault(int code, String faultString) {
    Fault fault;
    try {
      fault = Fault.ofCode(code);
    } catch (IllegalArgumentException e) {
      return new RpcFault(code, faultString);
    }
    String s = faultString;
    String detail = s.startsWith(fault.name() + ": ") ? s.substring(fault.name().length() + 2)
        : s.equals(fault.name()) ? null : s;
    return new SupervisorFault(fault, detail);
  }

  /** Supervisor's optional {@code wait}: left out when true, as supervisorctl leaves it out. */
  private static Object[] withWait(boolean wait, Object... args) {
    if (wait) {
      return args;
    }
    Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = Boolean.FALSE;
    return all;
  }

  /** The deprecated alias {@code getVersion} that supervisorctl's upcheck calls. */
  public CompletionStage<String> getVersion() {
    return call("supervisor.getVersion");
  }

  @Override
  public CompletionStage<String> getAPIVersion() {
    return call("supervisor.getAPIVersion");
  }

  @Override
  public CompletionStage<String> getSupervisorVersion() {
    return call("supervisor.getSupervisorVersion");
  }

  @Override
  public CompletionStage<String> getIdentification() {
    return call("supervisor.getIdentification");
  }

  @Override
  public CompletionStage<SupervisorState> getState() {
    return call("supervisor.getState");
  }

  @Override
  public CompletionStage<Long> getPID() {
    return call("supervisor.getPID");
  }

  @Override
  public CompletionStage<String> readLog(long offset, long length) {
    return call("supervisor.readLog", offset, length);
  }

  @Override
  public CompletionStage<Boolean> clearLog() {
    return call("supervisor.clearLog");
  }

  @Override
  public CompletionStage<Boolean> shutdown() {
    return call("supervisor.shutdown");
  }

  @Override
  public CompletionStage<Boolean> restart() {
    return call("supervisor.restart");
  }

  @Override
  public CompletionStage<ConfigChanges> reloadConfig() {
    return call("supervisor.reloadConfig");
  }

  @Override
  public CompletionStage<Boolean> addProcessGroup(String name) {
    return call("supervisor.addProcessGroup", name);
  }

  @Override
  public CompletionStage<Boolean> removeProcessGroup(String name) {
    return call("supervisor.removeProcessGroup", name);
  }

  /** Ours only; Supervisor answers UNKNOWN_METHOD. */
  @Override
  public CompletionStage<Boolean> updateProcessGroup(String name) {
    return call("supervisor4j.updateProcessGroup", name);
  }

  @Override
  public CompletionStage<Boolean> startProcess(String name, boolean wait) {
    return call("supervisor.startProcess", withWait(wait, name));
  }

  @Override
  public CompletionStage<List<ProcessResult>> startProcessGroup(String name, boolean wait) {
    return call("supervisor.startProcessGroup", withWait(wait, name));
  }

  @Override
  public CompletionStage<List<ProcessResult>> startAllProcesses(boolean wait) {
    return call("supervisor.startAllProcesses", withWait(wait));
  }

  @Override
  public CompletionStage<Boolean> stopProcess(String name, boolean wait) {
    return call("supervisor.stopProcess", withWait(wait, name));
  }

  @Override
  public CompletionStage<List<ProcessResult>> stopProcessGroup(String name, boolean wait) {
    return call("supervisor.stopProcessGroup", withWait(wait, name));
  }

  @Override
  public CompletionStage<List<ProcessResult>> stopAllProcesses(boolean wait) {
    return call("supervisor.stopAllProcesses", withWait(wait));
  }

  @Override
  public CompletionStage<Boolean> signalProcess(String name, String signal) {
    return call("supervisor.signalProcess", name, signal);
  }

  @Override
  public CompletionStage<List<ProcessResult>> signalProcessGroup(String name, String signal) {
    return call("supervisor.signalProcessGroup", name, signal);
  }

  @Override
  public CompletionStage<List<ProcessResult>> signalAllProcesses(String signal) {
    return call("supervisor.signalAllProcesses", signal);
  }

  @Override
  public CompletionStage<ProcessInfo> getProcessInfo(String name) {
    return call("supervisor.getProcessInfo", name);
  }

  @Override
  public CompletionStage<List<ProcessInfo>> getAllProcessInfo() {
    return call("supervisor.getAllProcessInfo");
  }

  @Override
  public CompletionStage<List<ConfigInfo>> getAllConfigInfo() {
    return call("supervisor.getAllConfigInfo");
  }

  @Override
  public CompletionStage<String> readProcessStdoutLog(String name, long offset, long length) {
    return call("supervisor.readProcessStdoutLog", name, offset, length);
  }

  @Override
  public CompletionStage<String> readProcessStderrLog(String name, long offset, long length) {
    return call("supervisor.readProcessStderrLog", name, offset, length);
  }

  @Override
  public CompletionStage<LogTail> tailProcessStdoutLog(String name, long offset, long length) {
    return call("supervisor.tailProcessStdoutLog", name, offset, length);
  }

  @Override
  public CompletionStage<LogTail> tailProcessStderrLog(String name, long offset, long length) {
    return call("supervisor.tailProcessStderrLog", name, offset, length);
  }

  @Override
  public CompletionStage<Boolean> clearProcessLogs(String name) {
    return call("supervisor.clearProcessLogs", name);
  }

  @Override
  public CompletionStage<List<ProcessResult>> clearAllProcessLogs() {
    return call("supervisor.clearAllProcessLogs");
  }

  @Override
  public CompletionStage<Boolean> sendProcessStdin(String name, String chars) {
    return call("supervisor.sendProcessStdin", name, chars);
  }

  @Override
  public CompletionStage<Boolean> sendRemoteCommEvent(String type, String data) {
    return call("supervisor.sendRemoteCommEvent", type, data);
  }

  /** {@code /logtail/<name>/<channel>}, opened by the transport. */
  @Override
  public CompletionStage<Flow.Publisher<byte[]>> followProcessLog(String name, String channel) {
    return follow("/logtail/" + name + "/" + channel);
  }

  @Override
  public CompletionStage<Flow.Publisher<byte[]>> followMainLog() {
    return follow("/mainlogtail");
  }

  private CompletionStage<Flow.Publisher<byte[]>> follow(String path) {
    try {
      return transport.follow(path);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  // ---- history.*: supervisor4j's own namespace ------------------------------------------------

  @Override
  public CompletionStage<List<HistoryEntry>> getProcessHistory(String name, long sinceEpochSeconds, int limit) {
    return call("history.getProcessHistory", name, sinceEpochSeconds, limit);
  }

  @Override
  public CompletionStage<List<HistoryEntry>> getActions(long sinceEpochSeconds, int limit) {
    return call("history.getActions", sinceEpochSeconds, limit);
  }

  @Override
  public CompletionStage<List<HistorySummary>> getHistorySummary() {
    return call("history.getSummary");
  }
}
