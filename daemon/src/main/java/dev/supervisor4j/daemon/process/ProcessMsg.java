package dev.supervisor4j.daemon.process;

import dev.supervisor4j.daemon.spawn.ExitStatus;
import dev.supervisor4j.daemon.spawn.RunningChild;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.Signal;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/**
 * Everything a ProcessActor receives. Other actors (group, root, API, listener pools) hold the whole
 * {@code ActorRef<ProcessMsg>} but send only {@link Command}s; {@link Internal} messages are self-sent.
 */
public sealed interface ProcessMsg {

  /** The public protocol. */
  sealed interface Command extends ProcessMsg {}

  /**
   * Start the process. A failed reply carries a {@code SupervisorFault}.
   *
   * @param waitFor answer only once RUNNING (or failed), as RPC startProcess with wait=true
   * @param byRpc   an operator's start: the command is checked first and a failure is a fault with no
   *                state change (an autostart goes to BACKOFF instead)
   */
  record Start(boolean waitFor, boolean byRpc, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /** Stop the process; with wait, answer once it is in a stopped state. */
  record Stop(boolean waitFor, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /**
   * Stop as part of a daemon shutdown: BACKOFF goes to FATAL, STARTING/RUNNING are stopped.
   * Answers once the process is in a stopped state.
   */
  record StopForShutdown(ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /** Send a signal; NOT_RUNNING unless RUNNING, STARTING or STOPPING. */
  record SendSignal(Signal signal, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /** Write to the child's stdin. */
  record WriteStdin(byte[] data, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /**
   * Write to the stdin of the child with this pid only, in any state: an event meant for one
   * listener child must never reach its successor. NOT_RUNNING when that child is gone.
   */
  record WriteStdinOf(long pid, byte[] data, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  record GetInfo(ActorRef<ProcessInfo> replyTo) implements Command {}

  /** SIGUSR2 or clearProcessLogs: reopen (or truncate) the log files. */
  record ReopenLogs(boolean clear, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /** Self-sent only. */
  sealed interface Internal extends ProcessMsg {}

  /** The spawner forked the child that {@code Starting} asked for. */
  record Spawned(RunningChild child) implements Internal {}

  /** The spawn failed before or at the fork ({@code SpawnCancelled}: the daemon is stopping). */
  record SpawnFailed(Throwable error) implements Internal {}

  /** A child ended; the pid lets late exits of older children be told apart. */
  record ChildExited(RunningChild child, ExitStatus status) implements Internal {}

  enum StartSecsElapsed implements Internal { INSTANCE }

  enum BackoffElapsed implements Internal { INSTANCE }

  /** {@code stopwaitsecs} passed while STOPPING: time for SIGKILL. */
  enum StopWaitElapsed implements Internal { INSTANCE }

  /** Every 2 s while an operator waits for a stop: log that we are still waiting. */
  enum StopReport implements Internal { INSTANCE }
}
