package dev.supervisor4j.daemon.api;

import dev.supervisor4j.daemon.RootMsg;
import dev.supervisor4j.daemon.events.RemoteCommEvent;
import dev.supervisor4j.daemon.log.MainLog;
import dev.supervisor4j.daemon.process.ProcessMsg;
import dev.supervisor4j.protocol.ConfigChanges;
import dev.supervisor4j.protocol.ConfigInfo;
import dev.supervisor4j.protocol.Fault;
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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.pattern.StatusReply;

/**
 * {@link SupervisorApi} by asking the actors: the root resolves names (and refuses with
 * SHUTDOWN_STATE while stopping), then the process actors answer for themselves. Log files are
 * read on a small pool of their own, never on an actor's thread.
 */
public final class ActorSupervisorApi implements SupervisorApi {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** supervisord has no server-side timeout for a start or stop with wait; this only bounds leaks. */
  private static final Duration WAIT_TIMEOUT = Duration.ofDays(1);

  private final ActorSystem<?> system;
  private final ActorRef<RootMsg> root;
  private final Executor files;
  private final ScheduledExecutorService followers;
  private final GroupOps groups;
  /** Null when {@code [history] enabled = false}. */
  private final HistoryReads history;

  public ActorSupervisorApi(ActorSystem<?> system, ActorRef<RootMsg> root) {
    this(system, root, null);
  }

  /** @param ledger the ledger to answer {@code history.*} from, or null when history is off */
  public ActorSupervisorApi(ActorSystem<?> system, ActorRef<RootMsg> root,
      ActorRef<dev.supervisor4j.daemon.ledger.LedgerMsg> ledger) {
    this.history = ledger == null ? null : new HistoryReads(this, ledger, system.scheduler());
    this.system = system;
    this.root = root;
    this.files = Executors.newCachedThreadPool(daemonThreads("log-read"));
    this.followers = Executors.newScheduledThreadPool(1, daemonThreads("log-follow"));
    this.groups = new GroupOps(this);
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
    return r -> {
      Thread t = new Thread(null, r, name, 256 * 1024);
      t.setDaemon(true);
      return t;
    };
  }

  // ---- asking the actors -------------------------------------------------------------------

  <T> CompletionStage<T> askRoot(Function<ActorRef<StatusReply<T>>, RootMsg> msg) {
    return askRoot(msg, TIMEOUT);
  }

  <T> CompletionStage<T> askRoot(Function<ActorRef<StatusReply<T>>, RootMsg> msg, Duration timeout) {
    return AskPattern.askWithStatus(root, msg::apply, timeout, system.scheduler());
  }

  <T> CompletionStage<T> askProcess(ActorRef<ProcessMsg> ref,
      Function<ActorRef<StatusReply<T>>, ProcessMsg> msg, Duration timeout) {
    return AskPattern.askWithStatus(ref, msg::apply, timeout, system.scheduler());
  }

  /** Fails with SHUTDOWN_STATE unless the daemon is RUNNING (supervisord's gate on supervisor.*). */
  CompletionStage<Void> gate() {
    return AskPattern.<RootMsg, SupervisorState>ask(root, RootMsg.GetState::new, TIMEOUT, system.scheduler())
        .thenApply(state -> {
          if (state != SupervisorState.RUNNING) {
            throw new SupervisorFault(Fault.SHUTDOWN_STATE);
          }
          return null;
        });
  }

  CompletionStage<List<RootMsg.Member>> resolve(String name) {
    return askRoot(replyTo -> new RootMsg.Resolve(NameSpec.parse(name), name, replyTo));
  }

  /** One process; a group spec is BAD_NAME here, as in supervisord's process-only methods. */
  CompletionStage<RootMsg.Member> resolveProcess(String name) {
    if (NameSpec.parse(name).isGroup()) {
      return CompletableFuture.failedFuture(new SupervisorFault(Fault.BAD_NAME, name));
    }
    return resolve(name).thenApply(members -> members.get(0));
  }

  CompletionStage<List<RootMsg.Member>> resolveAll() {
    return askRoot(RootMsg.ResolveAll::new);
  }

  CompletionStage<ProcessInfo> info(RootMsg.Member m) {
    return AskPattern.<ProcessMsg, ProcessInfo>ask(m.ref(), ProcessMsg.GetInfo::new, TIMEOUT, system.scheduler());
  }

  CompletionStage<Done> start(RootMsg.Member m, boolean wait) {
    return askProcess(m.ref(), r -> new ProcessMsg.Start(wait, true, r), wait ? WAIT_TIMEOUT : TIMEOUT);
  }

  CompletionStage<Done> stop(RootMsg.Member m, boolean wait) {
    return askProcess(m.ref(), r -> new ProcessMsg.Stop(wait, r), wait ? WAIT_TIMEOUT : TIMEOUT);
  }

  CompletionStage<Done> signal(RootMsg.Member m, Signal s) {
    return askProcess(m.ref(), r -> new ProcessMsg.SendSignal(s, r), TIMEOUT);
  }

  CompletionStage<Done> clearLogs(RootMsg.Member m) {
    return askProcess(m.ref(), r -> new ProcessMsg.ReopenLogs(true, r), TIMEOUT);
  }

  static Signal parseSignal(String signal) {
    return Signal.parse(signal).orElseThrow(() -> new SupervisorFault(Fault.BAD_SIGNAL, signal));
  }

  private static <T> CompletionStage<T> gated(CompletionStage<Void> gate, java.util.function.Supplier<T> value) {
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
    return gate().thenApplyAsync(v -> LogReads.read(MainLog.currentFile(), offset, length), files);
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
    return gate().thenApply(v -> {
      root.tell(RootMsg.Shutdown.INSTANCE);
      return true;
    });
  }

  @Override
  public CompletionStage<Boolean> restart() {
    return gate().thenApply(v -> {
      root.tell(RootMsg.Restart.INSTANCE);
      return true;
    });
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
        .thenApply(c -> ConfigInfos.of(c.lastRead(), c.activeGroups()));
  }

  // ---- processes ---------------------------------------------------------------------------

  @Override
  public CompletionStage<Boolean> startProcess(String name, boolean wait) {
    return resolveProcess(name).thenCompose(m -> start(m, wait)).thenApply(d -> true);
  }

  @Override
  public CompletionStage<List<ProcessResult>> startProcessGroup(String name, boolean wait) {
    return groupOnly(name).thenCompose(members -> groups.start(members, wait));
  }

  @Override
  public CompletionStage<List<ProcessResult>> startAllProcesses(boolean wait) {
    return resolveAll().thenCompose(members -> groups.start(members, wait));
  }

  @Override
  public CompletionStage<Boolean> stopProcess(String name, boolean wait) {
    return resolveProcess(name).thenCompose(m -> stop(m, wait)).thenApply(d -> true);
  }

  @Override
  public CompletionStage<List<ProcessResult>> stopProcessGroup(String name, boolean wait) {
    return groupOnly(name).thenCompose(members -> groups.stop(members, wait));
  }

  @Override
  public CompletionStage<List<ProcessResult>> stopAllProcesses(boolean wait) {
    return resolveAll().thenCompose(members -> groups.stop(members, wait));
  }

  @Override
  public CompletionStage<Boolean> signalProcess(String name, String signal) {
    return resolveProcess(name)
        .thenCompose(m -> signal(m, parseSignal(signal))) // BAD_SIGNAL is checked before the state
        .thenApply(d -> true);
  }

  @Override
  public CompletionStage<List<ProcessResult>> signalProcessGroup(String name, String signal) {
    return groupOnly(name).thenCompose(members -> groups.signal(members, signal));
  }

  @Override
  public CompletionStage<List<ProcessResult>> signalAllProcesses(String signal) {
    return resolveAll().thenCompose(members -> groups.signal(members, signal));
  }

  /**
   * The group of exactly that name: supervisord's group methods look the name up as it is, so
   * {@code g:*} or {@code g:p} is BAD_NAME there (only the process methods take a group spec).
   */
  private CompletionStage<List<RootMsg.Member>> groupOnly(String name) {
    return askRoot(r -> new RootMsg.Resolve(new NameSpec(name, null), name, r));
  }

  @Override
  public CompletionStage<ProcessInfo> getProcessInfo(String name) {
    return resolveProcess(name).thenCompose(this::info);
  }

  @Override
  public CompletionStage<List<ProcessInfo>> getAllProcessInfo() {
    return gate().thenCompose(v -> AskPattern.<RootMsg, List<ProcessInfo>>ask(root, RootMsg.GetAllProcessInfo::new,
        TIMEOUT, system.scheduler()));
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
    return resolveProcess(name).thenCompose(this::info).thenApply(i -> {
      String p = stdout ? i.stdoutLogfile() : i.stderrLogfile();
      return p.isEmpty() ? null : Path.of(p);
    });
  }

  @Override
  public CompletionStage<Boolean> clearProcessLogs(String name) {
    return resolveProcess(name).thenCompose(this::clearLogs).thenApply(d -> true);
  }

  @Override
  public CompletionStage<List<ProcessResult>> clearAllProcessLogs() {
    return resolveAll().thenCompose(groups::clear);
  }

  @Override
  public CompletionStage<Boolean> sendProcessStdin(String name, String chars) {
    byte[] data = chars.getBytes(StandardCharsets.UTF_8);
    return resolveProcess(name)
        .thenCompose(m -> this.<Done>askProcess(m.ref(), r -> new ProcessMsg.WriteStdin(data, r), TIMEOUT))
        .thenApply(d -> true);
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
  public CompletionStage<List<dev.supervisor4j.protocol.HistoryEntry>> getProcessHistory(String name,
      long sinceEpochSeconds, int limit) {
    return history == null ? historyOff() : history.processHistory(name, sinceEpochSeconds, limit);
  }

  @Override
  public CompletionStage<List<dev.supervisor4j.protocol.HistoryEntry>> getActions(long sinceEpochSeconds,
      int limit) {
    return history == null ? historyOff() : history.actions(sinceEpochSeconds, limit);
  }

  @Override
  public CompletionStage<List<dev.supervisor4j.protocol.HistorySummary>> getHistorySummary() {
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
