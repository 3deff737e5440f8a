package dev.supervisor4j.protocol;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * supervisord's API: one method per {@code supervisor.*} XML-RPC method (aliases map onto these),
 * plus the two log-following streams behind {@code /logtail} and {@code /mainlogtail}. Failures
 * complete the stage exceptionally with a {@link SupervisorFault}.
 *
 * <p>Names are as clients send them. A process-only method given a group spec fails with BAD_NAME;
 * callers that accept group specs ({@code startProcess}, {@code stopProcess}, {@code signalProcess})
 * route them to the group methods, as supervisord does.
 */
public interface SupervisorApi {
  CompletionStage<String> getAPIVersion();

  CompletionStage<String> getSupervisorVersion();

  CompletionStage<String> getIdentification();

  CompletionStage<SupervisorState> getState();

  CompletionStage<Long> getPID();

  /** The main log: offset/length as in supervisord's readLog. */
  CompletionStage<String> readLog(long offset, long length);

  CompletionStage<Boolean> clearLog();

  CompletionStage<Boolean> shutdown();

  CompletionStage<Boolean> restart();

  CompletionStage<ConfigChanges> reloadConfig();

  CompletionStage<Boolean> addProcessGroup(String name);

  CompletionStage<Boolean> removeProcessGroup(String name);

  CompletionStage<Boolean> startProcess(String name, boolean wait);

  CompletionStage<List<ProcessResult>> startProcessGroup(String name, boolean wait);

  CompletionStage<List<ProcessResult>> startAllProcesses(boolean wait);

  CompletionStage<Boolean> stopProcess(String name, boolean wait);

  CompletionStage<List<ProcessResult>> stopProcessGroup(String name, boolean wait);

  CompletionStage<List<ProcessResult>> stopAllProcesses(boolean wait);

  /** @param signal a name ({@code HUP}, {@code SIGHUP}, any case) or a number as text */
  CompletionStage<Boolean> signalProcess(String name, String signal);

  CompletionStage<List<ProcessResult>> signalProcessGroup(String name, String signal);

  CompletionStage<List<ProcessResult>> signalAllProcesses(String signal);

  CompletionStage<ProcessInfo> getProcessInfo(String name);

  CompletionStage<List<ProcessInfo>> getAllProcessInfo();

  CompletionStage<List<ConfigInfo>> getAllConfigInfo();

  CompletionStage<String> readProcessStdoutLog(String name, long offset, long length);

  CompletionStage<String> readProcessStderrLog(String name, long offset, long length);

  CompletionStage<LogTail> tailProcessStdoutLog(String name, long offset, long length);

  CompletionStage<LogTail> tailProcessStderrLog(String name, long offset, long length);

  CompletionStage<Boolean> clearProcessLogs(String name);

  CompletionStage<List<ProcessResult>> clearAllProcessLogs();

  CompletionStage<Boolean> sendProcessStdin(String name, String chars);

  CompletionStage<Boolean> sendRemoteCommEvent(String type, String data);

  /**
   * Follows a process log as {@code tail -f} does: first its last 1024 bytes, then new bytes as
   * they are written; never completes on its own. Fails with BAD_NAME or NO_FILE before streaming.
   *
   * @param channel {@code stdout} or {@code stderr}
   */
  CompletionStage<Flow.Publisher<byte[]>> followProcessLog(String name, String channel);

  /** Follows the main log the same way; NO_FILE when there is none. */
  CompletionStage<Flow.Publisher<byte[]>> followMainLog();

  // ---- supervisor4j's own calls (namespace supervisor4j.*) --------------------------------

  /**
   * Applies the last-read config to one active group, restarting only the processes whose
   * effective config changed: unchanged members keep their pid, state and uptime; changed ones are
   * stopped and started again (autostart applies); a new {@code numprocs} adds or removes
   * instances. Answers once the retired processes are stopped and the new ones spawned. BAD_NAME
   * when the group is not active or not in the last-read config. Supervisor has no such call: its
   * {@code update} stops, removes and re-adds the whole group.
   */
  default CompletionStage<Boolean> updateProcessGroup(String name) {
    return CompletableFuture.failedFuture(new SupervisorFault(Fault.UNKNOWN_METHOD));
  }

  // ---- history.*: our own namespace, not Supervisor's -----------------------------------------

  /**
   * A process's recorded state changes and the operator actions aimed at it (or its group), oldest
   * first: the newest {@code limit} entries at or after {@code sinceEpochSeconds}.
   */
  default CompletionStage<List<HistoryEntry>> getProcessHistory(String name,
      long sinceEpochSeconds, int limit) {
    return noHistory();
  }

  /** Operator actions and daemon events (started, stopping, config reloaded), oldest first. */
  default CompletionStage<List<HistoryEntry>> getActions(long sinceEpochSeconds, int limit) {
    return noHistory();
  }

  /** Restart counts and last exit of every process with recorded history. */
  default CompletionStage<List<HistorySummary>> getHistorySummary() {
    return noHistory();
  }

  /** What an API without a ledger answers: Supervisor's own answer to a method it lacks. */
  private static <T> CompletionStage<T> noHistory() {
    return java.util.concurrent.CompletableFuture.failedFuture(new SupervisorFault(Fault.UNKNOWN_METHOD));
  }
}
