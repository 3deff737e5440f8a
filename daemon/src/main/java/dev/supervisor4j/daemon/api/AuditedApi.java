package dev.supervisor4j.daemon.api;

import dev.supervisor4j.daemon.ledger.ActionLog;
import dev.supervisor4j.daemon.ledger.LedgerEvent;
import dev.supervisor4j.daemon.ledger.LedgerEvent.Intent;
import dev.supervisor4j.protocol.Caller;
import dev.supervisor4j.protocol.ConfigChanges;
import dev.supervisor4j.protocol.ConfigInfo;
import dev.supervisor4j.protocol.Failures;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.HistoryEntry;
import dev.supervisor4j.protocol.HistorySummary;
import dev.supervisor4j.protocol.LogTail;
import dev.supervisor4j.protocol.NameSpec;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.SupervisorApi;
import dev.supervisor4j.protocol.SupervisorFault;
import dev.supervisor4j.protocol.SupervisorState;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * The API as one caller sees it: every call that changes something (start, stop, signal, reload,
 * add, remove, clear, shutdown, restart, stdin) goes through, and is then written to the ledger
 * with who made it, through what, and how it ended — before the answer goes back, so that an
 * acknowledged action is in the journal. Reads pass straight through. One instance per request:
 * it is two references and a caller.
 */
public final class AuditedApi implements SupervisorApi {
  private final SupervisorApi api;
  private final ActionLog log;
  private final Caller caller;
  private final Clock clock;

  public AuditedApi(SupervisorApi api, ActionLog log, Caller caller, Clock clock) {
    this.api = api;
    this.log = log;
    this.caller = caller;
    this.clock = clock;
  }

  // ---- actions -------------------------------------------------------------------------------

  @Override
  public CompletionStage<Boolean> clearLog() {
    return acted("clearLog", "", Intent.NONE, api.clearLog(), ok -> List.of());
  }

  @Override
  public CompletionStage<Boolean> shutdown() {
    log.note(new LedgerEvent.DaemonStopping(clock.millis(), "shutdown by " + who()));
    // Not waited for: the daemon may be gone before the write is acknowledged, and the answer
    // must still go out (supervisord answers true). The ledger's flush at exit writes it.
    return noted("shutdown", api.shutdown());
  }

  @Override
  public CompletionStage<Boolean> restart() {
    log.note(new LedgerEvent.DaemonStopping(clock.millis(), "restart by " + who()));
    return noted("restart", api.restart());
  }

  @Override
  public CompletionStage<ConfigChanges> reloadConfig() {
    long now = clock.millis();
    return acted("reloadConfig", "", Intent.NONE, api.reloadConfig().thenApply(changes -> {
      log.note(new LedgerEvent.ConfigReloaded(now, changes.added(), changes.changed(), changes.removed()));
      return changes;
    }), c -> List.of());
  }

  @Override
  public CompletionStage<Boolean> addProcessGroup(String name) {
    return acted("addProcessGroup", name, Intent.NONE, api.addProcessGroup(name), ok -> List.of());
  }

  @Override
  public CompletionStage<Boolean> updateProcessGroup(String name) {
    return acted("updateProcessGroup", name, Intent.NONE, api.updateProcessGroup(name), ok -> List.of());
  }

  @Override
  public CompletionStage<Boolean> removeProcessGroup(String name) {
    return acted("removeProcessGroup", name, Intent.NONE, api.removeProcessGroup(name), ok -> List.of());
  }

  @Override
  public CompletionStage<Boolean> startProcess(String name, boolean wait) {
    return acted("startProcess", name, Intent.STARTED, api.startProcess(name, wait), ok -> one(name));
  }

  @Override
  public CompletionStage<List<ProcessResult>> startProcessGroup(String name, boolean wait) {
    return acted("startProcessGroup", name, Intent.STARTED, api.startProcessGroup(name, wait),
        AuditedApi::succeeded);
  }

  @Override
  public CompletionStage<List<ProcessResult>> startAllProcesses(boolean wait) {
    return acted("startAllProcesses", "", Intent.STARTED, api.startAllProcesses(wait), AuditedApi::succeeded);
  }

  @Override
  public CompletionStage<Boolean> stopProcess(String name, boolean wait) {
    return acted("stopProcess", name, Intent.STOPPED, api.stopProcess(name, wait), ok -> one(name));
  }

  @Override
  public CompletionStage<List<ProcessResult>> stopProcessGroup(String name, boolean wait) {
    return acted("stopProcessGroup", name, Intent.STOPPED, api.stopProcessGroup(name, wait),
        AuditedApi::succeeded);
  }

  @Override
  public CompletionStage<List<ProcessResult>> stopAllProcesses(boolean wait) {
    return acted("stopAllProcesses", "", Intent.STOPPED, api.stopAllProcesses(wait), AuditedApi::succeeded);
  }

  @Override
  public CompletionStage<Boolean> signalProcess(String name, String signal) {
    return acted("signalProcess " + signal, name, Intent.NONE, api.signalProcess(name, signal), ok -> one(name));
  }

  @Override
  public CompletionStage<List<ProcessResult>> signalProcessGroup(String name, String signal) {
    return acted("signalProcessGroup " + signal, name, Intent.NONE, api.signalProcessGroup(name, signal),
        AuditedApi::succeeded);
  }

  @Override
  public CompletionStage<List<ProcessResult>> signalAllProcesses(String signal) {
    return acted("signalAllProcesses " + signal, "", Intent.NONE, api.signalAllProcesses(signal),
        AuditedApi::succeeded);
  }

  @Override
  public CompletionStage<Boolean> clearProcessLogs(String name) {
    return acted("clearProcessLogs", name, Intent.NONE, api.clearProcessLogs(name), ok -> one(name));
  }

  @Override
  public CompletionStage<List<ProcessResult>> clearAllProcessLogs() {
    return acted("clearAllProcessLogs", "", Intent.NONE, api.clearAllProcessLogs(), AuditedApi::succeeded);
  }

  @Override
  public CompletionStage<Boolean> sendProcessStdin(String name, String chars) {
    // The data itself is not recorded: it may be a password typed into a prompt.
    return acted("sendProcessStdin", name, Intent.NONE, api.sendProcessStdin(name, chars), ok -> one(name));
  }

  private <T> CompletionStage<T> acted(String action, String target, Intent intent, CompletionStage<T> call,
      Function<T, List<String>> affected) {
    long when = clock.millis();
    return call.handle((value, error) -> {
      Throwable cause = Failures.unwrap(error);
      boolean ok = error == null;
      String result = ok ? summary(value) : cause instanceof SupervisorFault f
          ? f.getMessage() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
      return new LedgerEvent.OperatorActed(when, caller.user(), caller.transport().label(), action, target,
          ok ? affected.apply(value) : List.of(), ok ? intent : Intent.NONE, ok, result);
    }).thenCompose(log::acted).thenCompose(recorded -> call);
  }

  /** Records the outcome of a daemon-wide call without holding its answer back. */
  private CompletionStage<Boolean> noted(String action, CompletionStage<Boolean> call) {
    long when = clock.millis();
    return call.whenComplete((value, error) -> log.acted(new LedgerEvent.OperatorActed(when, caller.user(),
        caller.transport().label(), action, "", List.of(), Intent.NONE, error == null,
        error == null ? "OK" : String.valueOf(Failures.unwrap(error).getMessage()))));
  }

  private String who() {
    return (caller.user().isEmpty() ? "?" : caller.user()) + " via " + caller.transport().label();
  }

  private static List<String> one(String name) {
    NameSpec spec = NameSpec.parse(name);
    return spec.isGroup() ? List.of() : List.of(spec.group() + ":" + spec.process());
  }

  private static List<String> succeeded(List<ProcessResult> results) {
    return results.stream().filter(r -> r.status() == Fault.SUCCESS).map(r -> r.group() + ":" + r.name()).toList();
  }

  private static String summary(Object value) {
    if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof ProcessResult) {
      long ok = list.stream().filter(r -> ((ProcessResult) r).status() == Fault.SUCCESS).count();
      StringBuilder text = new StringBuilder(ok + " of " + list.size() + " OK");
      list.stream().map(r -> (ProcessResult) r).filter(r -> r.status() != Fault.SUCCESS)
          .forEach(r -> text.append("; ").append(NameSpec.display(r.group(), r.name())).append(": ")
              .append(r.description()));
      return text.toString();
    }
    return "OK";
  }

  // ---- reads: straight through ---------------------------------------------------------------

  @Override
  public CompletionStage<String> getAPIVersion() {
    return api.getAPIVersion();
  }

  @Override
  public CompletionStage<String> getSupervisorVersion() {
    return api.getSupervisorVersion();
  }

  @Override
  public CompletionStage<String> getIdentification() {
    return api.getIdentification();
  }

  @Override
  public CompletionStage<SupervisorState> getState() {
    return api.getState();
  }

  @Override
  public CompletionStage<Long> getPID() {
    return api.getPID();
  }

  @Override
  public CompletionStage<String> readLog(long offset, long length) {
    return api.readLog(offset, length);
  }

  @Override
  public CompletionStage<ProcessInfo> getProcessInfo(String name) {
    return api.getProcessInfo(name);
  }

  @Override
  public CompletionStage<List<ProcessInfo>> getAllProcessInfo() {
    return api.getAllProcessInfo();
  }

  @Override
  public CompletionStage<List<ConfigInfo>> getAllConfigInfo() {
    return api.getAllConfigInfo();
  }

  @Override
  public CompletionStage<String> readProcessStdoutLog(String name, long offset, long length) {
    return api.readProcessStdoutLog(name, offset, length);
  }

  @Override
  public CompletionStage<String> readProcessStderrLog(String name, long offset, long length) {
    return api.readProcessStderrLog(name, offset, length);
  }

  @Override
  public CompletionStage<LogTail> tailProcessStdoutLog(String name, long offset, long length) {
    return api.tailProcessStdoutLog(name, offset, length);
  }

  @Override
  public CompletionStage<LogTail> tailProcessStderrLog(String name, long offset, long length) {
    return api.tailProcessStderrLog(name, offset, length);
  }

  @Override
  public CompletionStage<Boolean> sendRemoteCommEvent(String type, String data) {
    return api.sendRemoteCommEvent(type, data);
  }

  @Override
  public CompletionStage<Flow.Publisher<byte[]>> followProcessLog(String name, String channel) {
    return api.followProcessLog(name, channel);
  }

  @Override
  public CompletionStage<Flow.Publisher<byte[]>> followMainLog() {
    return api.followMainLog();
  }

  @Override
  public CompletionStage<List<HistoryEntry>> getProcessHistory(String name, long sinceEpochSeconds, int limit) {
    return api.getProcessHistory(name, sinceEpochSeconds, limit);
  }

  @Override
  public CompletionStage<List<HistoryEntry>> getActions(long sinceEpochSeconds, int limit) {
    return api.getActions(sinceEpochSeconds, limit);
  }

  @Override
  public CompletionStage<List<HistorySummary>> getHistorySummary() {
    return api.getHistorySummary();
  }
}
