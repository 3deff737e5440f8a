package dev.supervisor4j.http.testing;

import dev.supervisor4j.protocol.ConfigChanges;
import dev.supervisor4j.protocol.ConfigInfo;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.LogTail;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.SupervisorApi;
import dev.supervisor4j.protocol.SupervisorFault;
import dev.supervisor4j.protocol.SupervisorState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;

/**
 * Only the log streams are real: {@link #logs} maps {@code name/channel} to a publisher (a name
 * without one is BAD_NAME), {@link #mainLog} is null for "no main log" (NO_FILE). Every other method
 * fails: the HTTP module must not call them.
 */
public final class FakeSupervisorApi implements SupervisorApi {
  public final Map<String, TestPublisher> logs = new ConcurrentHashMap<>();
  public final Map<String, Fault> logFaults = new ConcurrentHashMap<>();
  public volatile TestPublisher mainLog;

  /** A fresh publisher for {@code name/channel}. */
  public TestPublisher log(String name, String channel) {
    TestPublisher publisher = new TestPublisher();
    logs.put(name + "/" + channel, publisher);
    return publisher;
  }

  @Override
  public CompletionStage<Flow.Publisher<byte[]>> followProcessLog(String name, String channel) {
    Fault fault = logFaults.get(name);
    if (fault != null) {
      return CompletableFuture.failedFuture(new SupervisorFault(fault, name));
    }
    TestPublisher publisher = logs.get(name + "/" + channel);
    return publisher == null
        ? CompletableFuture.failedFuture(new SupervisorFault(Fault.BAD_NAME, name))
        : CompletableFuture.completedFuture(publisher);
  }

  @Override
  public CompletionStage<Flow.Publisher<byte[]>> followMainLog() {
    TestPublisher publisher = mainLog;
    return publisher == null
        ? CompletableFuture.failedFuture(new SupervisorFault(Fault.NO_FILE))
        : CompletableFuture.completedFuture(publisher);
  }

  private static <T> CompletionStage<T> unused() {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("not used by http"));
  }

  @Override public CompletionStage<String> getAPIVersion() { return unused(); }
  @Override public CompletionStage<String> getSupervisorVersion() { return unused(); }
  @Override public CompletionStage<String> getIdentification() { return unused(); }
  @Override public CompletionStage<SupervisorState> getState() { return unused(); }
  @Override public CompletionStage<Long> getPID() { return unused(); }
  @Override public CompletionStage<String> readLog(long offset, long length) { return unused(); }
  @Override public CompletionStage<Boolean> clearLog() { return unused(); }
  @Override public CompletionStage<Boolean> shutdown() { return unused(); }
  @Override public CompletionStage<Boolean> restart() { return unused(); }
  @Override public CompletionStage<ConfigChanges> reloadConfig() { return unused(); }
  @Override public CompletionStage<Boolean> addProcessGroup(String name) { return unused(); }
  @Override public CompletionStage<Boolean> removeProcessGroup(String name) { return unused(); }
  @Override public CompletionStage<Boolean> startProcess(String name, boolean wait) { return unused(); }
  @Override public CompletionStage<List<ProcessResult>> startProcessGroup(String name, boolean wait) { return unused(); }
  @Override public CompletionStage<List<ProcessResult>> startAllProcesses(boolean wait) { return unused(); }
  @Override public CompletionStage<Boolean> stopProcess(String name, boolean wait) { return unused(); }
  @Override public CompletionStage<List<ProcessResult>> stopProcessGroup(String name, boolean wait) { return unused(); }
  @Override public CompletionStage<List<ProcessResult>> stopAllProcesses(boolean wait) { return unused(); }
  @Override public CompletionStage<Boolean> signalProcess(String name, String signal) { return unused(); }
  @Override public CompletionStage<List<ProcessResult>> signalProcessGroup(String name, String signal) { return unused(); }
  @Override public CompletionStage<List<ProcessResult>> signalAllProcesses(String signal) { return unused(); }
  @Override public CompletionStage<ProcessInfo> getProcessInfo(String name) { return unused(); }
  @Override public CompletionStage<List<ProcessInfo>> getAllProcessInfo() { return unused(); }
  @Override public CompletionStage<List<ConfigInfo>> getAllConfigInfo() { return unused(); }
  @Override public CompletionStage<String> readProcessStdoutLog(String name, long offset, long length) { return unused(); }
  @Override public CompletionStage<String> readProcessStderrLog(String name, long offset, long length) { return unused(); }
  @Override public CompletionStage<LogTail> tailProcessStdoutLog(String name, long offset, long length) { return unused(); }
  @Override public CompletionStage<LogTail> tailProcessStderrLog(String name, long offset, long length) { return unused(); }
  @Override public CompletionStage<Boolean> clearProcessLogs(String name) { return unused(); }
  @Override public CompletionStage<List<ProcessResult>> clearAllProcessLogs() { return unused(); }
  @Override public CompletionStage<Boolean> sendProcessStdin(String name, String chars) { return unused(); }
  @Override public CompletionStage<Boolean> sendRemoteCommEvent(String type, String data) { return unused(); }
}
