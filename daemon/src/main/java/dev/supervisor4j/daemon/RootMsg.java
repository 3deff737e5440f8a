package dev.supervisor4j.daemon;

import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.events.HubMsg;
import dev.supervisor4j.daemon.process.ProcessEvent;
import dev.supervisor4j.daemon.process.ProcessMsg;
import dev.supervisor4j.protocol.ConfigChanges;
import dev.supervisor4j.protocol.NameSpec;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.SupervisorState;
import java.util.List;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/** Everything the RootGuardian receives. */
public sealed interface RootMsg {
  /**
   * Start the groups. The root waits for this (keeping other messages) so that the daemon can
   * open its HTTP servers first, as supervisord does, and fail before any child is spawned.
   */
  enum Begin implements RootMsg { INSTANCE }

  /**
   * Before {@link Begin}: leave these processes ({@code group:name}) stopped at the first autostart,
   * because an operator stopped them before the daemon restarted ({@code remember_stopped}).
   */
  record KeepStopped(Set<String> processes) implements RootMsg {
    public KeepStopped {
      processes = Set.copyOf(processes);
    }
  }

  /** SIGTERM, SIGINT or RPC shutdown: stop everything in order, then exit 0. */
  enum Shutdown implements RootMsg { INSTANCE }

  /** SIGHUP or RPC restart: stop everything in order, re-read the config, start again. */
  enum Restart implements RootMsg { INSTANCE }

  /** SIGUSR2: reopen every child log. */
  enum ReopenLogs implements RootMsg { INSTANCE }

  record GetState(ActorRef<SupervisorState> replyTo) implements RootMsg {}

  /** Every process's info, sorted by group name, then process name (getAllProcessInfo's order). */
  record GetAllProcessInfo(ActorRef<List<ProcessInfo>> replyTo) implements RootMsg {}

  /** Subscribe to process state changes. */
  record Subscribe(ActorRef<ProcessEvent> subscriber) implements RootMsg {}

  /**
   * Passed on to the event hub, in every state (stopping too): an event to publish
   * (sendRemoteCommEvent's REMOTE_COMMUNICATION), or an {@code EventHub.SubscribeTo}/{@code Unsubscribe}.
   */
  record ToHub(HubMsg msg) implements RootMsg {}

  /** One process, as the API addresses it. */
  record Member(String name, String group, ActorRef<ProcessMsg> ref, ProgramConfig program, int groupPriority) {}

  /**
   * Finds the processes a name means: one process, or a whole group (in start order). Fails with
   * SHUTDOWN_STATE while stopping, BAD_NAME (detail: {@code raw}) for an unknown name.
   */
  record Resolve(NameSpec spec, String raw, ActorRef<StatusReply<List<Member>>> replyTo) implements RootMsg {}

  /** Every process of every active group, groups in priority order. SHUTDOWN_STATE while stopping. */
  record ResolveAll(ActorRef<StatusReply<List<Member>>> replyTo) implements RootMsg {}

  /**
   * The configs: the active one, and the last one read by reloadConfig (the same until a reread).
   *
   * @param activeGroups the names of the groups running now
   */
  record ConfigView(SupervisordConfig active, SupervisordConfig lastRead, Set<String> activeGroups) {}

  record GetConfig(ActorRef<StatusReply<ConfigView>> replyTo) implements RootMsg {}

  /** Re-reads the config file and reports what differs from the active groups; applies nothing. */
  record ReloadConfig(ActorRef<StatusReply<ConfigChanges>> replyTo) implements RootMsg {}

  /** Activates a group of the last-read config (autostart applies). */
  record AddGroup(String name, ActorRef<StatusReply<Done>> replyTo) implements RootMsg {}

  /** Removes a group whose processes are all stopped. */
  record RemoveGroup(String name, ActorRef<StatusReply<Done>> replyTo) implements RootMsg {}

  /**
   * Applies the last-read config to an active group, replacing only the processes whose effective
   * config changed (supervisor4j.updateProcessGroup).
   */
  record UpdateGroup(String name, ActorRef<StatusReply<Done>> replyTo) implements RootMsg {}

  /** Self-sent: the processes an update retires are all stopped; time to swap them. */
  record UpdateStopped(GroupUpdate update, SupervisordConfig source, ActorRef<StatusReply<Done>> replyTo)
      implements RootMsg {}

  /** Self-sent: the infos of a group asked to be removed. */
  record RemoveChecked(String name, List<ProcessInfo> infos, ActorRef<StatusReply<Done>> replyTo)
      implements RootMsg {}

  /** Self-sent: the autostart of group {@code index - 1} of this generation of groups is done. */
  record AutostartNext(int generation, int index) implements RootMsg {}

  /** Self-sent every 3 s while stopping: time to say which processes we are waiting for. */
  enum ShutdownReport implements RootMsg { INSTANCE }

  /** Self-sent: the infos for a shutdown report. */
  record Unstopped(List<ProcessInfo> infos) implements RootMsg {}

  /** Self-sent: the group being stopped for a shutdown or restart is now fully stopped. */
  enum GroupStopped implements RootMsg { INSTANCE }
}
