package dev.supervisor4j.protocol.testing;

import dev.supervisor4j.protocol.ConfigChanges;
import dev.supervisor4j.protocol.ConfigInfo;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.LogTail;
import dev.supervisor4j.protocol.NameSpec;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.Signal;
import dev.supervisor4j.protocol.SupervisorApi;
import dev.supervisor4j.protocol.SupervisorFault;
import dev.supervisor4j.protocol.SupervisorState;
import dev.supervisor4j.protocol.Versions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * A scripted {@link SupervisorApi}: a few groups of processes, canned answers, and supervisord's
 * name rules (unknown or group-spec names fail with BAD_NAME, as the real implementation does).
 * Every call is recorded as {@code "method arg arg"}. Scripting:
 *
 * <ul>
 *   <li>{@link #replyWith(String, Supplier)}: the method answers a given stage.
 *   <li>{@link #hold(String)}: the next call of that method answers only when the returned future
 *       completes (a held {@code startProcess(wait=true)}).
 *   <li>{@link #throwOn(String, RuntimeException)}: the method throws instead of failing its stage
 *       (a bug in an implementation).
 *   <li>{@link #state(SupervisorState)}: in SHUTDOWN or RESTARTING every method but
 *       sendRemoteCommEvent fails with SHUTDOWN_STATE.
 * </ul>
 */
public final class FakeSupervisorApi implements SupervisorApi {
  private final Map<String, List<String>> groups = new LinkedHashMap<>();
  private final List<String> addable = new ArrayList<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final Map<String, CompletableFuture<Void>> holds = new ConcurrentHashMap<>();
  private final Map<String, RuntimeException> throwing = new ConcurrentHashMap<>();
  private final Map<String, Supplier<CompletionStage<?>>> replies = new ConcurrentHashMap<>();
  private volatile SupervisorState state = SupervisorState.RUNNING;

  /** Groups {@code cat} (process {@code cat}) and {@code grp} ({@code ga}, {@code gb}); {@code new} can be added. */
  public static FakeSupervisorApi standard() {
    return new FakeSupervisorApi().withGroup("cat", "cat").withGroup("grp", "ga", "gb").withAddable("new");
  }

  public FakeSupervisorApi withGroup(String group, String... processes) {
    groups.put(group, List.of(processes));
    return this;
  }

  public FakeSupervisorApi withAddable(String group) {
    addable.add(group);
    return this;
  }

  public void state(SupervisorState newState) {
    state = newState;
  }

  /** The next call of {@code method} answers once the returned future is completed. */
  public CompletableFuture<Void> hold(String method) {
    CompletableFuture<Void> gate = new CompletableFuture<>();
    holds.put(method, gate);
    return gate;
  }

  public void throwOn(String method, RuntimeException e) {
    throwing.put(method, e);
  }

  /**
   * The method answers whatever {@code reply} gives, unchecked: a failed stage, a stage holding
   * null, or null itself (an implementation's bugs the dispatcher must survive).
   */
  public void replyWith(String method, Supplier<CompletionStage<?>> reply) {
    replies.put(method, reply);
  }

  /** The calls so far, as {@code "method arg arg"}, in order. */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  // ---- plumbing ----

  private <T> CompletionStage<T> answer(String method, List<Object> args, Supplier<T> body) {
    StringBuilder line = new StringBuilder(method);
    args.forEach(a -> line.append(' ').append(a));
    calls.add(line.toString());
    RuntimeException boom = throwing.get(method);
    if (boom != null) {
      throw boom;
    }
    Supplier<CompletionStage<?>> reply = replies.get(method);
    if (reply != null) {
      @SuppressWarnings("unchecked")
      CompletionStage<T> canned = (CompletionStage<T>) reply.get();
      return canned;
    }
    CompletableFuture<Void> gate = holds.remove(method);
    CompletableFuture<Void> start = gate == null ? CompletableFuture.completedFuture(null) : gate;
    return start.thenApply(ignored -> {
      if (state.code() <= 0 && !method.equals("sendRemoteCommEvent")) {
        throw new SupervisorFault(Fault.SHUTDOWN_STATE);
      }
      return body.get();
    });
  }

  private <T> CompletionStage<T> answer(String method, Supplier<T> body) {
    return answer(method, List.of(), body);
  }

  /** The one process a process-only name means, or BAD_NAME with the name as sent. */
  private NameSpec process(String name) {
    NameSpec spec = NameSpec.parse(name);
    List<String> members = groups.get(spec.group());
    if (spec.isGroup() || members == null || !members.contains(spec.process())) {
      throw new SupervisorFault(Fault.BAD_NAME, name);
    }
    return spec;
  }

  private List<String> group(String name) {
    List<String> members = groups.get(name);
    if (members == null) {
      throw new SupervisorFault(Fault.BAD_NAME, name);
    }
    return members;
  }

  private List<ProcessResult> okFor(String group) {
    List<ProcessResult> out = new ArrayList<>();
    group(group).forEach(p -> out.add(ProcessResult.ok(p, group)));
    return out;
  }

  private List<ProcessResult> okForAll() {
    List<ProcessResult> out = new ArrayList<>();
    groups.keySet().forEach(g -> out.addAll(okFor(g)));
    return out;
  }

  private static void checkRead(long offset, long length) {
    if ((offset < 0 && length != 0) || length < 0) {
      throw new SupervisorFault(Fault.BAD_ARGUMENTS);
    }
  }

  private static Signal signal(String signal) {
    return Signal.parse(signal).orElseThrow(() -> new SupervisorFault(Fault.BAD_SIGNAL, signal));
  }

  /** What getProcessInfo answers for a process: RUNNING since a fixed time. */
  public static ProcessInfo info(String group, String name) {
    return new ProcessInfo(name, group, 1795486900L, 0L, 1795486930L, ProcessState.RUNNING, "", 0,
        "/var/log/sv/" + name + ".out", "/var/log/sv/" + name + ".err", 7880L, "pid 7880, uptime 0:00:30");
  }

  /** What getAllConfigInfo answers for a process. */
  public static ConfigInfo config(String group, String name) {
    return new ConfigInfo(name, group, true, true, 999, 999, "/bin/cat", "none", "none", List.of(0),
        false, false, 3, 1, 15, 10, "none",
        new ConfigInfo.Channel(0, false, "auto", 10, 52428800L, false),
        new ConfigInfo.Channel(0, false, "none", 10, 3L << 30, false));
  }

  // ---- SupervisorApi ----

  @Override public CompletionStage<String> getAPIVersion() {
    return answer("getAPIVersion", () -> Versions.API);
  }

  @Override public CompletionStage<String> getSupervisorVersion() {
    return answer("getSupervisorVersion", () -> Versions.SUPERVISOR);
  }

  @Override public CompletionStage<String> getIdentification() {
    return answer("getIdentification", () -> "supervisor");
  }

  @Override public CompletionStage<SupervisorState> getState() {
    return answer("getState", () -> state);
  }

  @Override public CompletionStage<Long> getPID() {
    return answer("getPID", () -> 4242L);
  }

  @Override public CompletionStage<String> readLog(long offset, long length) {
    return answer("readLog", List.of(offset, length), () -> {
      checkRead(offset, length);
      return "main:" + offset + ":" + length;
    });
  }

  @Override public CompletionStage<Boolean> clearLog() {
    return answer("clearLog", () -> true);
  }

  @Override public CompletionStage<Boolean> shutdown() {
    return answer("shutdown", () -> true);
  }

  @Override public CompletionStage<Boolean> restart() {
    return answer("restart", () -> true);
  }

  @Override public CompletionStage<ConfigChanges> reloadConfig() {
    return answer("reloadConfig", () -> new ConfigChanges(List.copyOf(addable), List.of(), List.of()));
  }

  @Override public CompletionStage<Boolean> addProcessGroup(String name) {
    return answer("addProcessGroup", List.of(name), () -> {
      if (groups.containsKey(name)) {
        throw new SupervisorFault(Fault.ALREADY_ADDED, name);
      }
      if (!addable.remove(name)) {
        throw new SupervisorFault(Fault.BAD_NAME, name);
      }
      groups.put(name, List.of(name));
      return true;
    });
  }

  @Override public CompletionStage<Boolean> removeProcessGroup(String name) {
    return answer("removeProcessGroup", List.of(name), () -> {
      group(name);
      groups.remove(name);
      return true;
    });
  }

  @Override public CompletionStage<Boolean> updateProcessGroup(String name) {
    return answer("updateProcessGroup", List.of(name), () -> {
      group(name);
      return true;
    });
  }

  @Override public CompletionStage<Boolean> startProcess(String name, boolean wait) {
    return answer("startProcess", List.of(name, wait), () -> process(name) != null);
  }

  @Override public CompletionStage<List<ProcessResult>> startProcessGroup(String name, boolean wait) {
    return answer("startProcessGroup", List.of(name, wait), () -> okFor(name));
  }

  @Override public CompletionStage<List<ProcessResult>> startAllProcesses(boolean wait) {
    return answer("startAllProcesses", List.of(wait), this::okForAll);
  }

  @Override public CompletionStage<Boolean> stopProcess(String name, boolean wait) {
    return answer("stopProcess", List.of(name, wait), () -> process(name) != null);
  }

  @Override public CompletionStage<List<ProcessResult>> stopProcessGroup(String name, boolean wait) {
    return answer("stopProcessGroup", List.of(name, wait), () -> okFor(name));
  }

  @Override public CompletionStage<List<ProcessResult>> stopAllProcesses(boolean wait) {
    return answer("stopAllProcesses", List.of(wait), this::okForAll);
  }

  @Override public CompletionStage<Boolean> signalProcess(String name, String signal) {
    return answer("signalProcess", List.of(name, signal), () -> {
      process(name);
      signal(signal);
      return true;
    });
  }

  @Override public CompletionStage<List<ProcessResult>> signalProcessGroup(String name, String signal) {
    return answer("signalProcessGroup", List.of(name, signal), () -> signalled(name, signal));
  }

  @Override public CompletionStage<List<ProcessResult>> signalAllProcesses(String signal) {
    return answer("signalAllProcesses", List.of(signal), () -> {
      List<ProcessResult> out = new ArrayList<>();
      groups.keySet().forEach(g -> out.addAll(signalled(g, signal)));
      return out;
    });
  }

  private List<ProcessResult> signalled(String group, String signal) {
    List<ProcessResult> out = new ArrayList<>();
    for (String p : group(group)) {
      out.add(Signal.parse(signal).isPresent() ? ProcessResult.ok(p, group)
          : ProcessResult.failed(p, group, new SupervisorFault(Fault.BAD_SIGNAL, signal)));
    }
    return out;
  }

  @Override public CompletionStage<ProcessInfo> getProcessInfo(String name) {
    return answer("getProcessInfo", List.of(name), () -> {
      NameSpec spec = process(name);
      return info(spec.group(), spec.process());
    });
  }

  @Override public CompletionStage<List<ProcessInfo>> getAllProcessInfo() {
    return answer("getAllProcessInfo", () -> {
      List<ProcessInfo> out = new ArrayList<>();
      groups.forEach((g, ps) -> ps.forEach(p -> out.add(info(g, p))));
      return out;
    });
  }

  @Override public CompletionStage<List<ConfigInfo>> getAllConfigInfo() {
    return answer("getAllConfigInfo", () -> {
      List<ConfigInfo> out = new ArrayList<>();
      groups.forEach((g, ps) -> ps.forEach(p -> out.add(config(g, p))));
      return out;
    });
  }

  @Override public CompletionStage<String> readProcessStdoutLog(String name, long offset, long length) {
    return answer("readProcessStdoutLog", List.of(name, offset, length), () -> {
      process(name);
      checkRead(offset, length);
      return "out:" + offset + ":" + length;
    });
  }

  @Override public CompletionStage<String> readProcessStderrLog(String name, long offset, long length) {
    return answer("readProcessStderrLog", List.of(name, offset, length), () -> {
      process(name);
      checkRead(offset, length);
      return "err:" + offset + ":" + length;
    });
  }

  @Override public CompletionStage<LogTail> tailProcessStdoutLog(String name, long offset, long length) {
    return answer("tailProcessStdoutLog", List.of(name, offset, length), () -> {
      process(name);
      return new LogTail("789", 10, true);
    });
  }

  @Override public CompletionStage<LogTail> tailProcessStderrLog(String name, long offset, long length) {
    return answer("tailProcessStderrLog", List.of(name, offset, length), () -> {
      process(name);
      return new LogTail("", 0, false);
    });
  }

  @Override public CompletionStage<Boolean> clearProcessLogs(String name) {
    return answer("clearProcessLogs", List.of(name), () -> process(name) != null);
  }

  @Override public CompletionStage<List<ProcessResult>> clearAllProcessLogs() {
    return answer("clearAllProcessLogs", this::okForAll);
  }

  @Override public CompletionStage<Boolean> sendProcessStdin(String name, String chars) {
    return answer("sendProcessStdin", List.of(name, chars), () -> process(name) != null);
  }

  @Override public CompletionStage<Boolean> sendRemoteCommEvent(String type, String data) {
    return answer("sendRemoteCommEvent", List.of(type, data), () -> true);
  }

  @Override public CompletionStage<Flow.Publisher<byte[]>> followProcessLog(String name, String channel) {
    return CompletableFuture.failedFuture(new SupervisorFault(Fault.NO_FILE, name));
  }

  @Override public CompletionStage<Flow.Publisher<byte[]>> followMainLog() {
    return CompletableFuture.failedFuture(new SupervisorFault(Fault.NO_FILE));
  }

  // ---- history.* ----

  /** A stop by alice and the state change it caused, at 1 700 000 000.250 s. */
  public static final List<dev.supervisor4j.protocol.HistoryEntry> HISTORY = List.of(
      new dev.supervisor4j.protocol.HistoryEntry.Action(1_700_000_000_250L, "alice", "tcp", "stopProcess", "cat",
          true, "OK"),
      new dev.supervisor4j.protocol.HistoryEntry.StateChange(1_700_000_000_300L, "cat", "cat",
          dev.supervisor4j.protocol.ProcessState.STOPPING, dev.supervisor4j.protocol.ProcessState.STOPPED, 42, -1,
          false, ""),
      new dev.supervisor4j.protocol.HistoryEntry.Daemon(1_700_000_001_000L, "stopping", "SIGTERM"));

  @Override public CompletionStage<List<dev.supervisor4j.protocol.HistoryEntry>> getProcessHistory(String name,
      long sinceEpochSeconds, int limit) {
    return answer("getProcessHistory", List.of(name, sinceEpochSeconds, limit), () -> {
      process(name);
      return HISTORY.subList(0, 2);
    });
  }

  @Override public CompletionStage<List<dev.supervisor4j.protocol.HistoryEntry>> getActions(long sinceEpochSeconds,
      int limit) {
    return answer("getActions", List.of(sinceEpochSeconds, limit), () -> List.of(HISTORY.get(0), HISTORY.get(2)));
  }

  @Override public CompletionStage<List<dev.supervisor4j.protocol.HistorySummary>> getHistorySummary() {
    return answer("getHistorySummary", () -> List.of(
        new dev.supervisor4j.protocol.HistorySummary("cat", "cat", 3, 1, null, 0)));
  }
}
