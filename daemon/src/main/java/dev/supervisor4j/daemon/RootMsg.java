package dev.supervisor4j.daemon;

import dev.supervisor4j.daemon.actor.Refusable;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.events.HubMsg;
import dev.supervisor4j.daemon.group.GroupMsg;
import dev.supervisor4j.daemon.group.GroupOp;
import dev.supervisor4j.daemon.process.ProcessEvent;
import dev.supervisor4j.daemon.process.ProcessMsg;
import dev.supervisor4j.protocol.ConfigChanges;
import dev.supervisor4j.protocol.NameSpec;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.SupervisorFault;
import dev.supervisor4j.protocol.SupervisorState;
import java.util.List;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/**
 * Everything the RootGuardian receives: its public {@link Command}s (others hold an
 * {@code ActorRef<RootMsg.Command>}) and its self-sent {@link Internal}s. A command that can be
 * refused (while stopping, or for an unknown name) is {@link Refusable}.
 */
public sealed interface RootMsg {

  /** The public protocol. */
  sealed interface Command extends RootMsg {}

  /** A command answered with a {@code StatusReply}, refused with a fault the same way everywhere. */
  sealed interface Request<T> extends Command, Refusable {
    ActorRef<StatusReply<T>> replyTo();

    @Override
    default void refuse(SupervisorFault fault) {
      replyTo().tell(StatusReply.error(fault));
    }
  }

  /**
   * Start the groups. The root waits for this (keeping other messages) so that the daemon can
   * open its HTTP servers first, as supervisord does, and fail before any child is spawned.
   */
  enum Begin implements Command { INSTANCE }

  /**
   * Before {@link Begin}, or while a restart reads its config: leave these processes
   * ({@code group:name}) stopped at the next autostart, because an operator stopped them before the
   * daemon restarted ({@code remember_stopped}).
   */
  record KeepStopped(Set<String> processes) implements Command {
    public KeepStopped {
      processes = Set.copyOf(processes);
    }
  }

  /** SIGTERM, SIGINT or RPC shutdown: stop everything in order, then exit 0. */
  enum Shutdown implements Command { INSTANCE }

  /** SIGHUP or RPC restart: stop everything in order, re-read the config, start again. */
  enum Restart implements Command { INSTANCE }

  /**
   * RPC shutdown ({@code restart} false) or restart: as {@link Shutdown} or {@link Restart}, answered
   * once the board shows the new state, so that the caller's next read sees it (as supervisord's
   * mood changes before its answer).
   */
  record StopAsked(boolean restart, ActorRef<StatusReply<Done>> replyTo) implements Request<Done> {}

  /** SIGUSR2: reopen every child log. */
  enum ReopenLogs implements Command { INSTANCE }

  record GetState(ActorRef<SupervisorState> replyTo) implements Command {}

  /** Every process's info as the board shows it, sorted by group name, then process name. */
  record GetAllProcessInfo(ActorRef<List<ProcessInfo>> replyTo) implements Command {}

  /** Subscribe to process state changes. */
  record Subscribe(ActorRef<ProcessEvent> subscriber) implements Command {}

  /**
   * Passed on to the event hub, in every state (stopping too): an event to publish
   * (sendRemoteCommEvent's REMOTE_COMMUNICATION), or an {@code EventHub.SubscribeTo}/{@code Unsubscribe}.
   */
  record ToHub(HubMsg msg) implements Command {}

  /**
   * A request for one process, passed on through its group as it is. BAD_NAME (detail {@code raw})
   * for an unknown name or a whole-group spec; SHUTDOWN_STATE while stopping.
   */
  record ToProcess(NameSpec spec, String raw, ProcessMsg.Request request) implements Command, Refusable {
    @Override
    public void refuse(SupervisorFault fault) {
      request.refuse(fault);
    }
  }

  /** A group method on the group of exactly that name (startProcessGroup…). */
  record ToGroup(String group, GroupOp op, ActorRef<StatusReply<List<ProcessResult>>> replyTo)
      implements Request<List<ProcessResult>> {}

  /** An "all" method (startAllProcesses…): every group at once, one array in supervisord's order. */
  record ToAll(GroupOp op, ActorRef<StatusReply<List<ProcessResult>>> replyTo)
      implements Request<List<ProcessResult>> {}

  /**
   * The configs: the active one, and the last one read by reloadConfig (the same until a reread).
   *
   * @param activeGroups the names of the groups running now
   * @param madeFrom     the groups of {@code lastRead} whose processes were made from that very read
   *                     (no reread since, or added or updated after it): Supervisor resolves their
   *                     AUTO log names in the config it reports, and not the others'
   */
  record ConfigView(SupervisordConfig active, SupervisordConfig lastRead, Set<String> activeGroups,
      Set<String> madeFrom) {}

  record GetConfig(ActorRef<StatusReply<ConfigView>> replyTo) implements Request<ConfigView> {}

  /** Re-reads the config file and reports what differs from the active groups; applies nothing. */
  record ReloadConfig(ActorRef<StatusReply<ConfigChanges>> replyTo) implements Request<ConfigChanges> {}

  /** Activates a group of the last-read config (autostart applies); answers once it is on the board. */
  record AddGroup(String name, ActorRef<StatusReply<Done>> replyTo) implements Request<Done> {}

  /** Removes a group whose processes are all stopped. */
  record RemoveGroup(String name, ActorRef<StatusReply<Done>> replyTo) implements Request<Done> {}

  /**
   * Applies the last-read config to an active group, replacing only the processes whose effective
   * config changed (supervisor4j.updateProcessGroup).
   */
  record UpdateGroup(String name, ActorRef<StatusReply<Done>> replyTo) implements Request<Done> {}

  /** Self-sent only. */
  sealed interface Internal extends RootMsg {}

  /** A group made its members (at a start, an add or an update). */
  record GroupReady(GroupMsg.Ready ready) implements Internal {}

  /** A group's update is done (or failed); {@code replyTo} is the caller's. */
  record GroupUpdated(String name, ActorRef<GroupMsg.Command> ref, StatusReply<GroupMsg.Ready> result,
      ActorRef<StatusReply<Done>> replyTo) implements Internal {}

  /** The autostart of group {@code index - 1} of this generation of groups is done. */
  record AutostartNext(int generation, int index) implements Internal {}

  /**
   * A reread's outcome ({@code failure}: the config is not valid); refused with SHUTDOWN_STATE if
   * the daemon began to stop meanwhile.
   */
  record Reread(SupervisordConfig config, Throwable failure, ActorRef<StatusReply<ConfigChanges>> replyTo)
      implements Internal, Refusable {
    @Override
    public void refuse(SupervisorFault fault) {
      replyTo.tell(StatusReply.error(fault));
    }
  }

  /** The config for the run after a restart is read ({@code failure}: it is not valid). */
  record Restarted(SupervisordConfig config, Throwable failure) implements Internal {}

  /** Every 3 s while stopping: time to say which processes we are waiting for. */
  enum ShutdownReport implements Internal { INSTANCE }

  /** The group being stopped for a shutdown or restart is now fully stopped. */
  enum GroupStopped implements Internal { INSTANCE }
}
