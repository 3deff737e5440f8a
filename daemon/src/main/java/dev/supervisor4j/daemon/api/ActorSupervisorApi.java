package dev.supervisor4j.daemon.api;

import dev.supervisor4j.daemon.RootMsg;
import dev.supervisor4j.daemon.board.ProcessStatus;
import dev.supervisor4j.daemon.board.StatusBoard;
import dev.supervisor4j.daemon.events.RemoteCommEvent;
import dev.supervisor4j.daemon.group.GroupOp;
import dev.supervisor4j.daemon.ledger.LedgerMsg;
import dev.supervisor4j.daemon.log.MainLog;
import dev.supervisor4j.daemon.process.ProcessMsg;
import dev.supervisor4j.protocol.ConfigChanges;
import dev.supervisor4j.protocol.ConfigInfo;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.HistoryEntry;
import dev.supervisor4j.protocol.HistorySummary;
import dev.supervisor4j.protocol.LogTail;
import dev.supervisor4j.protocol.NameSpec;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.Signal;
import dev.supervisor4j.protocol.SupervisorApi;
import dev.supervisor4j.protocol.SupervisorFault;
import dev.supervisor4j.protocol.SupervisorState;
import dev.supervisor4j.protocol.Versions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.pattern.StatusReply;

/**
 * {@link SupervisorApi} over the tree: reads (state, process info, log paths, names) come from the
 * {@link StatusBoard} without asking an actor; commands go to the root, which passes them to the
 * group and the process they concern (and refuses them with SHUTDOWN_STATE while stopping). Log
 * files are read on a small pool of their own, never on an actor's thread.
 */
public final class ActorSupervisorApi implements SupervisorApi {
  private static final Duration TIMEOUT = GroupOp.TIMEOUT;
  /** supervisord has no server-side timeout for a start or stop with wait; this only bounds leaks. */
  private static final Duration WAIT_TIMEOUT = GroupOp.WAIT_TIMEOUT;

  private final ActorSystem<?> system;
  private final ActorRef<RootMsg.Command> root;
  private final StatusBoard board;
  private final Clock clock = Clock.systemUTC();
  private final Executor files;
  private final ScheduledExecutorService followers;
  /** Null when {@code [history] enabled = false}. */
  private final HistoryReads history;

  public ActorSupervisorApi(ActorSystem<?> system, ActorRef<RootMsg.Command> root, StatusBoard board) {
    this(system, root, board, null);
  }

  /** @param ledger the ledger to answer {@code history.*} from, or null when history is off */
  public ActorSupervisorApi(ActorSystem<?> system, ActorRef<RootMsg.Command> root, StatusBoard board,
      ActorRef<LedgerMsg> ledger) {
    this.history = ledger == null ? null : new HistoryReads(this, ledger, system.scheduler());
    this.system = system;
    this.root = root;
    this.board = board;
    this.files = Executors.newCachedThreadPool(daemonThreads("log-read"));
    this.followers = Executors.newScheduledThreadPool(1, daemonThreads("log-follow"));
  }

  private static ThreadFactory daemonThreads(String name) {
    return r -> {
      Thread t = new Thread(null, r, name, 256 * 1024);
      t.setDaemon(true);
      return t;
    };
  }

  // ---- asking the actors, reading the board ----------------------------------------------

  <T> CompletionStage<T> askRoot(Function<ActorRef<StatusReply<T>>, RootMsg.Command> msg) {
    return askRoot(msg, TIMEOUT);
  }

  <T> CompletionStage<T> askRoot(Function<ActorRef<StatusReply<T>>, RootMsg.Command> msg, Duration timeout) {
    return AskPattern.askWithStatus(root, msg::apply, timeout, system.scheduler());
  }

  /** Fails with SHUTDOWN_STATE unless the daemon is RUNNING (supervisord's gate on supervisor.*). */
  CompletionStage<Void> gate() {
    return board.started().thenApply(v -> {
      if (board.state() != SupervisorState.RUNNING) {
        throw new SupervisorFault(Fault.SHUTDOWN_STATE);
      }
      return null;
    });
  }

  /**
   * One process as the board shows it. A group spec is BAD_NAME here, as in supervisord's
   * process-only methods; SHUTDOWN_STATE while stopping.
   */
  CompletionStage<ProcessStatus> status(String name) {
    NameSpec spec = NameSpec.parse(name);
    if (spec.isGroup()) {
      return CompletableFuture.failedFuture(new SupervisorFault(Fault.BAD_NAME, name));
    }
    return gate().thenApply(v -> board.status(spec.group(), spec.process())
        .orElseThrow(() -> new SupervisorFault(Fault.BAD_NAME, name)));
  }

  /** Every process as the board shows it, by group then name; SHUTDOWN_STATE while stopping. */
  CompletionStage<List<ProcessInfo>> all() {
    return gate().thenApply(v -> board.infos(clock.millis()));
  }

  /** A request for one process, sent root → group → process. */
  private CompletionStage<Boolean> toProcess(String name, Function<ActorRef<StatusReply<Done>>,
      ProcessMsg.Request> request, Duration timeout) {
    NameSpec spec = NameSpec.parse(name);
    if (spec.isGroup()) {
      return CompletableFuture.failedFuture(new SupervisorFault(Fault.BAD_NAME, name));
    }
    return this.<Done>askRoot(r -> new RootMsg.ToProcess(spec, name, request.apply(r)), timeout)
        .thenApply(d -> true);
  }

  /** A group method, run by the group of exactly that name. */
  private CompletionStage<List<ProcessResult>> toGroup(String name, GroupOp op) {
    return askRoot(r -> new RootMsg.ToGroup(name, op, r), op.timeout().plus(TIMEOUT));
  }

  /** An "all" method, every group at once. */
  private CompletionStage<List<ProcessResult>> toAll(GroupOp op) {
    return askRoot(r -> new RootMsg.ToAll(op, r), op.timeout().plus(TIMEOUT));
  }

  static Signal parseSignal(String signal) {
    return Signal.parse(signal).orElseThrow(() -> new SupervisorFault(Fault.BAD_SIGNAL, signal));
  }

  private static <T> CompletionStage<T> gated(CompletionStage<Void> gate, Supplier<T> value) {
    return gate.thenApply(v -> value.get());
  }

  // ---- status and control ------------------------------------------------------------------

  @Override
  public CompletionStage<String> getAPIVersion() {
    return gated(gate(), () -> Versions.API);
  }

  @Override
  public CompletionStage<String> getSupervisorVersion() {
    return gated(gate(), () -> Versions.SUPERVISOR);
  }

  @Override
  public CompletionStage<String> getIdentification() {
    return gate().thenCompose(v -> this.<RootMsg.ConfigView>askRoot(RootMsg.GetConfig::new))
        .thenApply(view -> view.active().daemon().identifier());
  }

  @Override
  public CompletionStage<SupervisorState> getState() {
    return gate().thenApply(v -> SupervisorState.RUNNING);
  }

  @Override
  public CompletionStage<Long> getPID() {
    return gated(gate(), () -> ProcessHandle.current().pid());
  }

  @Override
  public CompletionStage<String> readLog(long offset, long length) {
    return gate().thenApplyAsync(v -> {
      if (MainLog.toSyslog()) {
        throw new SupervisorFault(Fault.NO_FILE, "syslog"); // supervisord: its logfile, the word
      }
      return LogReads.read(MainLog.currentFile(), offset, length);
    }, files);
  }

  @Override
  public CompletionStage<Boolean> clearLog() {
    return gate().thenApplyAsync(v -> {
      Path file = MainLog.currentFile();
      if (file == null || !Files.exists(file)) {
        throw new SupervisorFault(Fault.NO_FILE);
      }
      try {
        Files.delete(file);
        MainLog.reopen();
      } catch (IOException e) {
        throw new SupervisorFault(Fault.FAILED);
      }
      return true;
    }, files);
  }

  @Override
  public CompletionStage<Boolean> shutdown() {
    return gate().thenCompose(v -> this.<Done>askRoot(r -> new RootMsg.StopAsked(false, r))).thenApply(d -> true);
  }

  @Override
  public CompletionStage<Boolean> restart() {
    return gate().thenCompose(v -> this.<Done>askRoot(r -> new RootMsg.StopAsked(true, r))).thenApply(d -> true);
  }

  // ---- config ------------------------------------------------------------------------------

  @Override
  public CompletionStage<ConfigChanges> reloadConfig() {
    return gate().thenCompose(v -> askRoot(RootMsg.ReloadConfig::new));
  }

  @Override
  public CompletionStage<Boolean> addProcessGroup(String name) {
    return gate().thenCompose(v -> this.<Done>askRoot(r -> new RootMsg.AddGroup(name, r))).thenApply(d -> true);
  }

  @Override
  public CompletionStage<Boolean> removeProcessGroup(String name) {
    return gate().thenCompose(v -> this.<Done>askRoot(r -> new RootMsg.RemoveGroup(name, r))).thenApply(d -> true);
  }

  @Override
  public CompletionStage<Boolean> updateProcessGroup(String name) {
    // Retired processes may take up to their stopwaitsecs to stop, as with a waited-for group stop.
    return gate().thenCompose(v -> this.<Done>askRoot(r -> new RootMsg.UpdateGroup(name, r), WAIT_TIMEOUT))
        .thenApply(d -> true);
  }

  @Override
  public CompletionStage<List<ConfigInfo>> getAllConfigInfo() {
    return gate().thenCompose(v -> this.<RootMsg.ConfigView>askRoot(RootMsg.GetConfig::new))
        .thenApply(c -> ConfigInfos.of(c.lastRead(), c.activeGroups(), c.madeFrom(), board::status));
  }

  // ---- processes ---------------------------------------------------------------------------

  @Override
  public CompletionStage<Boolean> startProcess(String name, boolean wait) {
    return toProcess(name, r -> new ProcessMsg.Start(wait, true, r), wait ? WAIT_TIMEOUT : TIMEOUT);
  }

  @Override
  public CompletionStage<List<ProcessResult>> startProcessGroup(String name, boolean wait) {
    return toGroup(name, new GroupOp.Start(wait));
  }

  @Override
  public CompletionStage<List<ProcessResult>> startAllProcesses(boolean wait) {
    return toAll(new GroupOp.Start(wait));
  }

  @Override
  public CompletionStage<Boolean> stopProcess(String name, boolean wait) {
    return toProcess(name, r -> new ProcessMsg.Stop(wait, r), wait ? WAIT_TIMEOUT : TIMEOUT);
  }

  @Override
  public CompletionStage<List<ProcessResult>> stopProcessGroup(String name, boolean wait) {
    return toGroup(name, new GroupOp.Stop(wait));
  }

  @Override
  public CompletionStage<List<ProcessResult>> stopAllProcesses(boolean wait) {
    return toAll(new GroupOp.Stop(wait));
  }

  @Override
  public CompletionStage<Boolean> signalProcess(String name, String signal) {
    // BAD_NAME, then BAD_SIGNAL, then the state, as supervisord checks them.
    return status(name).thenCompose(s -> {
      Signal parsed = parseSignal(signal);
      return toProcess(name, r -> new ProcessMsg.SendSignal(parsed, r), TIMEOUT);
    });
  }

  @Override
  public CompletionStage<List<ProcessResult>> signalProcessGroup(String name, String signal) {
    return toGroup(name, new GroupOp.SendSignal(signal));
  }

  @Override
  public CompletionStage<List<ProcessResult>> signalAllProcesses(String signal) {
    return toAll(new GroupOp.SendSignal(signal));
  }

  @Override
  public CompletionStage<ProcessInfo> getProcessInfo(String name) {
    return status(name).thenApply(s -> s.toInfo(clock.millis()));
  }

  @Override
  public CompletionStage<List<ProcessInfo>> getAllProcessInfo() {
    return all();
  }

  @Override
  public CompletionStage<String> readProcessStdoutLog(String name, long offset, long length) {
    return logPath(name, true).thenApplyAsync(p -> LogReads.read(p, offset, length), files);
  }

  @Override
  public CompletionStage<String> readProcessStderrLog(String name, long offset, long length) {
    return logPath(name, false).thenApplyAsync(p -> LogReads.read(p, offset, length), files);
  }

  @Override
  public CompletionStage<LogTail> tailProcessStdoutLog(String name, long offset, long length) {
    return logPath(name, true).thenApplyAsync(p -> LogReads.tail(p, offset, length), files);
  }

  @Override
  public CompletionStage<LogTail> tailProcessStderrLog(String name, long offset, long length) {
    return logPath(name, false).thenApplyAsync(p -> LogReads.tail(p, offset, length), files);
  }

  /** The log file of a process channel, or null when it has none. */
  private CompletionStage<Path> logPath(String name, boolean stdout) {
    return status(name).thenApply(i -> {
      String p = stdout ? i.stdoutLogfile() : i.stderrLogfile();
      return p.isEmpty() ? null : Path.of(p);
    });
  }

  @Override
  public CompletionStage<Boolean> clearProcessLogs(String name) {
    return toProcess(name, r -> new ProcessMsg.ReopenLogs(true, r), TIMEOUT);
  }

  @Override
  public CompletionStage<List<ProcessResult>> clearAllProcessLogs() {
    return toAll(GroupOp.ClearLogs.INSTANCE);
  }

  @Override
  public CompletionStage<Boolean> sendProcessStdin(String name, String chars) {
    byte[] data = chars.getBytes(StandardCharsets.UTF_8);
    return toProcess(name, r -> new ProcessMsg.WriteStdin(data, r), TIMEOUT);
  }

  @Override
  public CompletionStage<Boolean> sendRemoteCommEvent(String type, String data) {
    // No state gate, as supervisord: REMOTE_COMMUNICATION is published while stopping too.
    root.tell(new RootMsg.ToHub(new RemoteCommEvent(type, data)));
    return CompletableFuture.completedFuture(true);
  }

  @Override
  public CompletionStage<Flow.Publisher<byte[]>> followProcessLog(String name, String channel) {
    if (!channel.equals("stdout") && !channel.equals("stderr")) {
      return CompletableFuture.failedFuture(new SupervisorFault(Fault.NO_FILE, channel));
    }
    return logPath(name, channel.equals("stdout")).thenApply(this::follow);
  }

  @Override
  public CompletionStage<Flow.Publisher<byte[]>> followMainLog() {
    return gate().thenApply(v -> follow(MainLog.currentFile()));
  }

  // ---- history.* ---------------------------------------------------------------------------

  @Override
  public CompletionStage<List<HistoryEntry>> getProcessHistory(String name,
      long sinceEpochSeconds, int limit) {
    return history == null ? historyOff() : history.processHistory(name, sinceEpochSeconds, limit);
  }

  @Override
  public CompletionStage<List<HistoryEntry>> getActions(long sinceEpochSeconds,
      int limit) {
    return history == null ? historyOff() : history.actions(sinceEpochSeconds, limit);
  }

  @Override
  public CompletionStage<List<HistorySummary>> getHistorySummary() {
    return history == null ? historyOff() : history.summary();
  }

  private static <T> CompletionStage<T> historyOff() {
    return CompletableFuture.failedFuture(
        new SupervisorFault(Fault.FAILED, "history is disabled ([history] enabled = false)"));
  }

  private Flow.Publisher<byte[]> follow(Path file) {
    if (file == null || !Files.exists(file)) {
      throw new SupervisorFault(Fault.NO_FILE, file == null ? null : file.toString());
    }
    return new LogFollower(file, followers);
  }
}
