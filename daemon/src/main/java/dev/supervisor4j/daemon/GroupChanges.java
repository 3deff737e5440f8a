package dev.supervisor4j.daemon;

import dev.supervisor4j.daemon.board.StatusBoard;
import dev.supervisor4j.daemon.config.ConfigException;
import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.events.EventHub;
import dev.supervisor4j.daemon.events.GroupEvent;
import dev.supervisor4j.daemon.events.HubMsg;
import dev.supervisor4j.daemon.group.GroupMsg;
import dev.supervisor4j.protocol.Failures;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.SupervisorFault;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.BehaviorBuilder;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;

/**
 * The root's handling of config changes while it runs: reloadConfig (the last-read config and its
 * {@link ConfigDiff}), addProcessGroup, removeProcessGroup and the per-process update, which the
 * group carries out ({@code GroupUpdate}). Its handlers are part of the root's running behaviour;
 * the planning is pure ({@link ConfigDiff}, {@code GroupUpdate.plan}).
 */
final class GroupChanges {
  /** supervisord has no server-side timeout for an update; this only bounds leaks. */
  private static final Duration UPDATE_TIMEOUT = Duration.ofDays(1);

  private final RootGuardian root;
  private final ActorContext<RootMsg> ctx;
  private final ActorRef<HubMsg> hub;
  private final StatusBoard board;
  private final ConfigSource configSource;
  private SupervisordConfig lastRead;
  /** Groups made by addProcessGroup that are not on the board yet: the callers to answer then. */
  private final Map<String, ActorRef<StatusReply<Done>>> adding = new HashMap<>();
  /** Groups with an update under way: the callers to answer. */
  private final Map<String, ActorRef<StatusReply<Done>>> updating = new HashMap<>();

  GroupChanges(RootGuardian root, ActorContext<RootMsg> ctx, ActorRef<HubMsg> hub, StatusBoard board,
      ConfigSource configSource) {
    this.root = root;
    this.ctx = ctx;
    this.hub = hub;
    this.board = board;
    this.configSource = configSource;
  }

  /** A new run of the tree, from {@code config}. */
  void reset(SupervisordConfig config) {
    lastRead = config;
    adding.clear();
    updating.clear();
  }

  /** The config last read by reloadConfig (the active one until a reread). */
  SupervisordConfig lastRead() {
    return lastRead;
  }

  BehaviorBuilder<RootMsg> handlers(BehaviorBuilder<RootMsg> builder) {
    return builder
        .onMessage(RootMsg.ReloadConfig.class, this::onReloadConfig)
        .onMessage(RootMsg.Reread.class, this::onReread)
        .onMessage(RootMsg.AddGroup.class, this::onAddGroup)
        .onMessage(RootMsg.GroupReady.class, this::onGroupReady)
        .onMessage(RootMsg.RemoveGroup.class, this::onRemoveGroup)
        .onMessage(RootMsg.UpdateGroup.class, this::onUpdateGroup)
        .onMessage(RootMsg.GroupUpdated.class, this::onGroupUpdated);
  }

  /** The daemon stops: whoever waits for an add or an update gets SHUTDOWN_STATE. */
  void refuseWaiting() {
    for (Map<String, ActorRef<StatusReply<Done>>> callers : List.of(adding, updating)) {
      callers.values().forEach(c -> c.tell(StatusReply.error(new SupervisorFault(Fault.SHUTDOWN_STATE))));
      callers.clear();
    }
  }

  /** The file is read and parsed off the root's thread; {@link #onReread} answers. */
  private Behavior<RootMsg> onReloadConfig(RootMsg.ReloadConfig reload) {
    ctx.pipeToSelf(configSource.reread(), (read, failure) -> new RootMsg.Reread(read, failure, reload.replyTo()));
    return Behaviors.same();
  }

  private Behavior<RootMsg> onReread(RootMsg.Reread r) {
    if (r.failure() != null) {
      Throwable cause = Failures.unwrap(r.failure());
      r.refuse(cause instanceof ConfigException
          ? new SupervisorFault(Fault.CANT_REREAD, cause.getMessage())
          : new SupervisorFault(Fault.FAILED, String.valueOf(cause)));
      return Behaviors.same();
    }
    lastRead = r.config();
    r.replyTo().tell(StatusReply.success(ConfigDiff.diff(root.active().configs(), lastRead)));
    return Behaviors.same();
  }


  private Behavior<RootMsg> onAddGroup(RootMsg.AddGroup add) {
    if (root.active().get(add.name()).isPresent()) {
      add.refuse(new SupervisorFault(Fault.ALREADY_ADDED, add.name()));
      return Behaviors.same();
    }
    GroupConfig g = ConfigDiff.group(lastRead, add.name()).orElse(null);
    if (g == null) {
      add.refuse(new SupervisorFault(Fault.BAD_NAME, add.name()));
      return Behaviors.same();
    }
    root.setActive(root.active().with(root.spawnGroup(lastRead, g)));
    adding.put(g.name(), add.replyTo());
    return Behaviors.same();
  }

  /** An added group is on the board: announce it, start it, answer. */
  private Behavior<RootMsg> onGroupReady(RootMsg.GroupReady r) {
    ActorRef<StatusReply<Done>> replyTo = adding.remove(r.ready().group());
    if (replyTo == null || !root.isCurrent(r.ready())) {
      return Behaviors.same();
    }
    ActiveGroups.Group g = root.active().get(r.ready().group()).orElseThrow();
    hub.tell(new EventHub.GroupAdded(g.config(), lastRead.daemon().identifier(), r.ready().members()));
    g.ref().tell(new GroupMsg.Autostart(null, Set.of(), ctx.getSystem().ignoreRef()));
    replyTo.tell(StatusReply.ack());
    return Behaviors.same();
  }

  /** Removes a group whose processes are all stopped (as the board shows them). */
  private Behavior<RootMsg> onRemoveGroup(RootMsg.RemoveGroup remove) {
    ActiveGroups.Group g = root.active().get(remove.name()).orElse(null);
    if (g == null) {
      remove.refuse(new SupervisorFault(Fault.BAD_NAME, remove.name()));
      return Behaviors.same();
    }
    if (adding.containsKey(g.name()) || board.group(g.name()).stream().anyMatch(s -> !s.state().isStopped())) {
      remove.refuse(new SupervisorFault(Fault.STILL_RUNNING, remove.name()));
      return Behaviors.same();
    }
    ActorRef<StatusReply<Done>> updater = updating.remove(g.name());
    if (updater != null) {
      updater.tell(StatusReply.error(new SupervisorFault(Fault.BAD_NAME, g.name())));
    }
    root.stopActors(List.of(g));
    hub.tell(new GroupEvent(false, g.name())); // events: PROCESS_GROUP_REMOVED
    root.setActive(root.active().without(g.name()));
    remove.replyTo().tell(StatusReply.ack());
    return Behaviors.same();
  }

  /**
   * supervisor4j.updateProcessGroup: the group stops the members whose effective config changed and
   * swaps them for fresh ones; the others are untouched.
   */
  private Behavior<RootMsg> onUpdateGroup(RootMsg.UpdateGroup u) {
    ActiveGroups.Group current = root.active().get(u.name()).orElse(null);
    GroupConfig next = ConfigDiff.group(lastRead, u.name()).orElse(null);
    if (current == null || next == null || adding.containsKey(u.name())) {
      u.refuse(new SupervisorFault(Fault.BAD_NAME, u.name()));
      return Behaviors.same();
    }
    if (updating.containsKey(u.name())) {
      u.refuse(new SupervisorFault(Fault.FAILED, u.name() + " is being updated"));
      return Behaviors.same();
    }
    updating.put(u.name(), u.replyTo());
    SupervisordConfig source = lastRead;
    ctx.ask(StatusReply.class, current.ref(), UPDATE_TIMEOUT,
        r -> new GroupMsg.Update(next, source, r.unsafeUpcast()),
        (result, failure) -> new RootMsg.GroupUpdated(u.name(), current.ref(), readyOf(result, failure),
            u.replyTo()));
    return Behaviors.same();
  }

  @SuppressWarnings("unchecked")
  private static StatusReply<GroupMsg.Ready> readyOf(StatusReply<?> result, Throwable failure) {
    return result != null ? (StatusReply<GroupMsg.Ready>) result : StatusReply.error(failure);
  }

  private Behavior<RootMsg> onGroupUpdated(RootMsg.GroupUpdated u) {
    if (!updating.remove(u.name(), u.replyTo())) {
      return Behaviors.same(); // removed meanwhile: its caller has its answer
    }
    ActiveGroups.Group g = root.active().get(u.name()).filter(x -> x.ref().equals(u.ref())).orElse(null);
    if (g == null) {
      u.replyTo().tell(StatusReply.error(new SupervisorFault(Fault.BAD_NAME, u.name())));
      return Behaviors.same();
    }
    if (u.result().isError()) {
      u.replyTo().tell(StatusReply.error(u.result().getError()));
      return Behaviors.same();
    }
    GroupMsg.Ready ready = u.result().getValue();
    GroupConfig next = ConfigDiff.group(lastRead, u.name()).orElse(g.config());
    root.setActive(root.active().updated(next));
    // events: no group event (the group stays); a listener pool keeps its buffer and serials
    hub.tell(new EventHub.GroupUpdated(next, lastRead.daemon().identifier(), ready.members()));
    g.ref().tell(new GroupMsg.Autostart(ready.fresh(), Set.of(), ctx.getSystem().ignoreRef()));
    u.replyTo().tell(StatusReply.ack());
    return Behaviors.same();
  }
}
