package dev.supervisor4j.http.testing;

import dev.supervisor4j.protocol.ConfigChanges;
import dev.supervisor4j.protocol.ConfigInfo;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.LogTail;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.SupervisorApi;
import dev.supervisor4j.protocol.SupervisorFault;
import dev.supervisor4j.protocol.SupervisorState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The log streams are real: {@link #logs} maps {@code name/channel} to a publisher (a name
 * without one is BAD_NAME), {@link #mainLog} is null for "no main log" (NO_FILE).
 *
 * <p>For the web console, a table of processes ({@link #put}) that the process calls read and
 * change (start makes RUNNING, stop makes STOPPED), each state change recorded in {@link #calls},
 * and whole-log reads from {@link #logText}. Every other method fails: the HTTP module must not call them.
 */
public final class FakeSupervisorApi implements SupervisorApi {
  public final Map<String, TestPublisher> logs = new ConcurrentHashMap<>();
  public final Map<String, Fault> logFaults = new ConcurrentHashMap<>();
  public volatile TestPublisher mainLog;
  public final Map<String, ProcessInfo> processes = new ConcurrentSkipListMap<>();
  public final Map<String, String> logText = new ConcurrentHashMap<>();
  public final List<String> calls = new CopyOnWriteArrayList<>();
  /** The history it answers; null: a daemon without history (UNKNOWN_METHOD, as the interface's default). */
  public volatile List<dev.supervisor4j.protocol.HistoryEntry> history;
  public volatile List<dev.supervisor4j.protocol.HistorySummary> historySummary = List.of();
  /** How often {@code getAllProcessInfo} was called (the console's poller). */
  public final AtomicInteger infoCalls = new AtomicInteger();

  /** Adds or replaces a process, by its namespec. */
  public void put(String group, String name, ProcessState state, long pid, String description) {
    ProcessInfo info = new ProcessInfo(name, group, 0, 0, System.currentTimeMillis() / 1000, state, "", 0,
        "", "", pid, description);
    processes.put(info.namespec(), info);
  }

  private CompletionStage<Boolean> change(String call, String name, ProcessState from, Fault otherwise,
      ProcessState to) {
    ProcessInfo info = processes.get(name);
    if (info == null) {
      return CompletableFuture.failedFuture(new SupervisorFault(Fault.BAD_NAME, name));
    }
    calls.add(call + " " + name);
    boolean allowed = from == null ? !info.state().isRunning() : info.state().isRunning();
    if (!allowed) {
      return CompletableFuture.failedFuture(new SupervisorFault(otherwise, name));
    }
    processes.put(name, new ProcessInfo(info.name(), info.group(), info.start(), info.stop(), info.now(), to,
        info.spawnErr(), info.exitStatus(), info.stdoutLogfile(), info.stderrLogfile(),
        to == ProcessState.RUNNING ? 4242 : 0, to == ProcessState.RUNNING ? "pid 4242, uptime 0:00:01" : "Stopped"));
    return CompletableFuture.completedFuture(true);
  }

  @Override
  public CompletionStage<Boolean> startProcess(String name, boolean wait) {
    return change("start", name, null, Fault.ALREADY_STARTED, ProcessState.RUNNING);
  }

  @Override
  public CompletionStage<Boolean> stopProcess(String name, boolean wait) {
    return change("stop", name, ProcessState.RUNNING, Fault.NOT_RUNNING, ProcessState.STOPPED);
  }

  @Override
  public CompletionStage<Boolean> clearProcessLogs(String name) {
    calls.add("clearlog " + name);
    return processes.containsKey(name) ? CompletableFuture.completedFuture(true)
        : CompletableFuture.failedFuture(new SupervisorFault(Fault.BAD_NAME, name));
  }

  @Override
  public CompletionStage<Boolean> signalProcess(String name, String signal) {
    calls.add("signal " + name + " " + signal);
    return processes.containsKey(name) ? CompletableFuture.completedFuture(true)
        : CompletableFuture.failedFuture(new SupervisorFault(Fault.BAD_NAME, name));
  }

  @Override
  public CompletionStage<List<ProcessResult>> stopAllProcesses(boolean wait) {
    calls.add("stopall");
    List<ProcessResult> results = new java.util.ArrayList<>();
    for (String name : processes.keySet()) {
      ProcessInfo info = processes.get(name);
      if (info.state().isRunning()) {
        stopProcess(name, wait);
        results.add(ProcessResult.ok(info.name(), info.group()));
      }
    }
    return CompletableFuture.completedFuture(results);
  }

  @Override
  public CompletionStage<ProcessInfo> getProcessInfo(String name) {
    ProcessInfo info = processes.get(name);
    return info == null ? CompletableFuture.failedFuture(new SupervisorFault(Fault.BAD_NAME, name))
        : CompletableFuture.completedFuture(info);
  }

  @Override
  public CompletionStage<List<ProcessInfo>> getAllProcessInfo() {
    infoCalls.incrementAndGet();
    return CompletableFuture.completedFuture(List.copyOf(processes.values()));
  }

  @Override
  public CompletionStage<String> getIdentification() {
    return CompletableFuture.completedFuture("supervisor");
  }

  @Override
  public CompletionStage<String> getSupervisorVersion() {
    return CompletableFuture.completedFuture("4.2.5");
  }

  @Override
  public CompletionStage<String> readProcessStdoutLog(String name, long offset, long length) {
    String text = logText.get(name + "/stdout");
    return text == null ? CompletableFuture.failedFuture(new SupervisorFault(Fault.BAD_NAME, name))
        : CompletableFuture.completedFuture(text);
  }

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

  @Override
  public CompletionStage<List<dev.supervisor4j.protocol.HistoryEntry>> getProcessHistory(String name, long since,
      int limit) {
    calls.add("getProcessHistory " + name);
    return history == null ? SupervisorApi.super.getProcessHistory(name, since, limit)
        : CompletableFuture.completedFuture(history);
  }

  @Override
  public CompletionStage<List<dev.supervisor4j.protocol.HistoryEntry>> getActions(long since, int limit) {
    return history == null ? SupervisorApi.super.getActions(since, limit) : CompletableFuture.completedFuture(history);
  }

  @Override
  public CompletionStage<List<dev.supervisor4j.protocol.HistorySummary>> getHistorySummary() {
    return history == null ? SupervisorApi.super.getHistorySummary()
        : CompletableFuture.completedFuture(historySummary);
  }

  private static <T> CompletionStage<T> unused() {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("not used by http"));
  }

  @Override public CompletionStage<String> getAPIVersion() { return unused(); }
  @Override public CompletionStage<SupervisorState> getState() { return unused(); }
  @Override public CompletionStage<Long> getPID() { return unused(); }
  @Override public CompletionStage<String> readLog(long offset, long length) { return unused(); }
  @Override public CompletionStage<Boolean> clearLog() { return unused(); }
  @Override public CompletionStage<Boolean> shutdown() { return unused(); }
  @Override public CompletionStage<Boolean> restart() { return unused(); }
  @Override public CompletionStage<ConfigChanges> reloadConfig() { return unused(); }
  @Override public CompletionStage<Boolean> addProcessGroup(String name) { return unused(); }
  @Override public CompletionStage<Boolean> removeProcessGroup(String name) { return unused(); }
  @Override public CompletionStage<List<ProcessResult>> startProcessGroup(String name, boolean wait) { return unused(); }
  @Override public CompletionStage<List<ProcessResult>> startAllProcesses(boolean wait) { return unused(); }
  @Override public CompletionStage<List<ProcessResult>> stopProcessGroup(String name, boolean wait) { return unused(); }
  @Override public CompletionStage<List<ProcessResult>> signalProcessGroup(String name, String signal) { return unused(); }
  @Override public CompletionStage<List<ProcessResult>> signalAllProcesses(String signal) { return unused(); }
  @Override public CompletionStage<List<ConfigInfo>> getAllConfigInfo() { return unused(); }
  @Override public CompletionStage<String> readProcessStderrLog(String name, long offset, long length) { return unused(); }
  @Override public CompletionStage<LogTail> tailProcessStdoutLog(String name, long offset, long length) { return unused(); }
  @Override public CompletionStage<LogTail> tailProcessStderrLog(String name, long offset, long length) { return unused(); }
  @Override public CompletionStage<List<ProcessResult>> clearAllProcessLogs() { return unused(); }
  @Override public CompletionStage<Boolean> sendProcessStdin(String name, String chars) { return unused(); }
  @Override public CompletionStage<Boolean> sendRemoteCommEvent(String type, String data) { return unused(); }
}
