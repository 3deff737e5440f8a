package dev.supervisor4j.ctl.rpc;

import dev.supervisor4j.protocol.ConfigChanges;
import dev.supervisor4j.protocol.ConfigInfo;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.LogTail;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.SupervisorApi;
import dev.supervisor4j.protocol.SupervisorFault;
import dev.supervisor4j.protocol.SupervisorState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * {@link SupervisorApi} over the wire: XML-RPC on {@code POST /RPC2} ({@link RpcTransport}) and
 * the log streams on {@code GET /logtail} and {@code /mainlogtail} ({@link LogStream}), to a
 * {@code unix://} or {@code http://} server URL.
 *
 * <p>Calls run on the caller's thread and return completed stages: supervisorctl runs one command
 * at a time, and a thread pool would only cost start-up. A fault with a known code completes the
 * stage with {@link SupervisorFault}; an unknown code with {@link RpcFault}; HTTP and socket
 * failures with {@link ProtocolError} and {@code PyException}. Like Supervisor's client it never
 * sends {@code wait=true} (the server's default), so requests are the same bytes.
 */
public final class XmlRpcSupervisorApi implements SupervisorApi {
  private final RpcTransport transport;
  private final RpcCodec codec;
  private final String serverurl;
  private final String username;
  private final String password;

  /**
   * @throws dev.supervisor4j.ctl.compat.PyException {@code Unknown protocol for serverurl} for a
   *     URL that is neither {@code http://} nor {@code unix://}
   */
  public XmlRpcSupervisorApi(String serverurl, String username, String password, RpcCodec codec) {
    this.transport = RpcTransport.forServerUrl(serverurl, username, password);
    this.codec = codec;
    this.serverurl = serverurl;
    this.username = username;
    this.password = password;
  }

  /** Calls {@code supervisor.<method>} (or a full {@code ns.method} name) and returns the decoded value. */
  public Object call(String method, Object... params) {
    String name = method.indexOf('.') >= 0 ? method : "supervisor." + method;
    byte[] response;
    try {
      response = transport.post(codec.encodeCall(name, new ArrayList<>(Arrays.asList(params))));
    } catch (IOException e) {
      throw dev.supervisor4j.ctl.http.Endpoint.translate(e);
    }
    try {
      return codec.decodeResponse(response);
    } catch (RpcFault f) {
      throw toFault(f);
    }
  }

  /**
   * A known fault code as {@link SupervisorFault} (detail = the text after {@code NAME: }, none for a
   * bare {@code NAME}); others unchanged.
   */
  static RuntimeException toFault(RpcFault f) {
    Fault fault;
    try {
      fault = Fault.ofCode(f.code());
    } catch (IllegalArgumentException e) {
      return f;
    }
    String s = f.faultString();
    String detail = s.startsWith(fault.name() + ": ") ? s.substring(fault.name().length() + 2)
        : s.equals(fault.name()) ? null : s;
    return new SupervisorFault(fault, detail);
  }

  private static <T> CompletionStage<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }

  private static <T> CompletionStage<T> failed(RuntimeException e) {
    CompletableFuture<T> f = new CompletableFuture<>();
    f.completeExceptionally(e);
    return f;
  }

  private CompletionStage<String> string(String method, Object... params) {
    try {
      return done(Decoded.string(call(method, params)));
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  private CompletionStage<Boolean> bool(String method, Object... params) {
    try {
      return done(Decoded.bool(call(method, params)));
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  private CompletionStage<List<ProcessResult>> results(String method, Object... params) {
    try {
      return done(Decoded.results(call(method, params)));
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  /** Supervisor's optional {@code wait} argument: left out when true, as supervisorctl leaves it out. */
  private static Object[] withWait(boolean wait, Object... params) {
    if (wait) {
      return params;
    }
    Object[] all = Arrays.copyOf(params, params.length + 1);
    all[params.length] = Boolean.FALSE;
    return all;
  }

  /** The deprecated alias {@code getVersion} that supervisorctl's upcheck calls. */
  public CompletionStage<String> getVersion() {
    return string("getVersion");
  }

  @Override
  public CompletionStage<String> getAPIVersion() {
    return string("getAPIVersion");
  }

  @Override
  public CompletionStage<String> getSupervisorVersion() {
    return string("getSupervisorVersion");
  }

  @Override
  public CompletionStage<String> getIdentification() {
    return string("getIdentification");
  }

  @Override
  public CompletionStage<SupervisorState> getState() {
    try {
      Map<String, Object> m = Decoded.struct(call("getState"));
      return done(SupervisorState.ofCode((int) Decoded.number(m.get("statecode"))));
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  @Override
  public CompletionStage<Long> getPID() {
    try {
      return done(Decoded.number(call("getPID")));
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  @Override
  public CompletionStage<String> readLog(long offset, long length) {
    try {
      return string("readLog", XmlInts.of(offset), XmlInts.of(length));
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  @Override
  public CompletionStage<Boolean> clearLog() {
    return bool("clearLog");
  }

  @Override
  public CompletionStage<Boolean> shutdown() {
    return bool("shutdown");
  }

  @Override
  public CompletionStage<Boolean> restart() {
    return bool("restart");
  }

  @Override
  public CompletionStage<ConfigChanges> reloadConfig() {
    try {
      return done(Decoded.changes(call("reloadConfig")));
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  @Override
  public CompletionStage<Boolean> addProcessGroup(String name) {
    return bool("addProcessGroup", name);
  }

  @Override
  public CompletionStage<Boolean> removeProcessGroup(String name) {
    return bool("removeProcessGroup", name);
  }

  /** Ours only; Supervisor answers UNKNOWN_METHOD. */
  @Override
  public CompletionStage<Boolean> updateProcessGroup(String name) {
    return bool("supervisor4j.updateProcessGroup", name);
  }

  @Override
  public CompletionStage<Boolean> startProcess(String name, boolean wait) {
    return bool("startProcess", withWait(wait, name));
  }

  @Override
  public CompletionStage<List<ProcessResult>> startProcessGroup(String name, boolean wait) {
    return results("startProcessGroup", withWait(wait, name));
  }

  @Override
  public CompletionStage<List<ProcessResult>> startAllProcesses(boolean wait) {
    return results("startAllProcesses", withWait(wait));
  }

  @Override
  public CompletionStage<Boolean> stopProcess(String name, boolean wait) {
    return bool("stopProcess", withWait(wait, name));
  }

  @Override
  public CompletionStage<List<ProcessResult>> stopProcessGroup(String name, boolean wait) {
    return results("stopProcessGroup", withWait(wait, name));
  }

  @Override
  public CompletionStage<List<ProcessResult>> stopAllProcesses(boolean wait) {
    return results("stopAllProcesses", withWait(wait));
  }

  @Override
  public CompletionStage<Boolean> signalProcess(String name, String signal) {
    return bool("signalProcess", name, signal);
  }

  @Override
  public CompletionStage<List<ProcessResult>> signalProcessGroup(String name, String signal) {
    return results("signalProcessGroup", name, signal);
  }

  @Override
  public CompletionStage<List<ProcessResult>> signalAllProcesses(String signal) {
    return results("signalAllProcesses", signal);
  }

  @Override
  public CompletionStage<ProcessInfo> getProcessInfo(String name) {
    try {
      return done(Decoded.processInfo(call("getProcessInfo", name)));
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  @Override
  public CompletionStage<List<ProcessInfo>> getAllProcessInfo() {
    try {
      return done(Decoded.processInfos(call("getAllProcessInfo")));
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  @Override
  public CompletionStage<List<ConfigInfo>> getAllConfigInfo() {
    try {
      return done(Decoded.configInfos(call("getAllConfigInfo")));
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  @Override
  public CompletionStage<String> readProcessStdoutLog(String name, long offset, long length) {
    try {
      return string("readProcessStdoutLog", name, XmlInts.of(offset), XmlInts.of(length));
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  @Override
  public CompletionStage<String> readProcessStderrLog(String name, long offset, long length) {
    try {
      return string("readProcessStderrLog", name, XmlInts.of(offset), XmlInts.of(length));
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  @Override
  public CompletionStage<LogTail> tailProcessStdoutLog(String name, long offset, long length) {
    try {
      return done(Decoded.logTail(call("tailProcessStdoutLog", name, XmlInts.of(offset), XmlInts.of(length))));
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  @Override
  public CompletionStage<LogTail> tailProcessStderrLog(String name, long offset, long length) {
    try {
      return done(Decoded.logTail(call("tailProcessStderrLog", name, XmlInts.of(offset), XmlInts.of(length))));
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  @Override
  public CompletionStage<Boolean> clearProcessLogs(String name) {
    return bool("clearProcessLogs", name);
  }

  @Override
  public CompletionStage<List<ProcessResult>> clearAllProcessLogs() {
    return results("clearAllProcessLogs");
  }

  @Override
  public CompletionStage<Boolean> sendProcessStdin(String name, String chars) {
    return bool("sendProcessStdin", name, chars);
  }

  @Override
  public CompletionStage<Boolean> sendRemoteCommEvent(String type, String data) {
    return bool("sendRemoteCommEvent", type, data);
  }

  /**
   * Opens {@code /logtail/<name>/<channel>} at once (so a 404 fails the stage with
   * {@link HttpStatusError}); the publisher then streams from a thread of its own.
   */
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
      return done(new LogPublisher(LogStream.open(serverurl, path, username, password)));
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  // ---- history.*: supervisor4j's own namespace ------------------------------------------------

  @Override
  public CompletionStage<List<dev.supervisor4j.protocol.HistoryEntry>> getProcessHistory(String name,
      long sinceEpochSeconds, int limit) {
    try {
      return done(HistoryDecoded.entries(call("history.getProcessHistory", name, XmlInts.of(sinceEpochSeconds),
          limit)));
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  @Override
  public CompletionStage<List<dev.supervisor4j.protocol.HistoryEntry>> getActions(long sinceEpochSeconds,
      int limit) {
    try {
      return done(HistoryDecoded.entries(call("history.getActions", XmlInts.of(sinceEpochSeconds), limit)));
    } catch (RuntimeException e) {
      return failed(e);
    }
  }
}
