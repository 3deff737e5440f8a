package dev.supervisor4j.daemon;

import dev.supervisor4j.daemon.config.ConfigException;
import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.events.EventHub;
import dev.supervisor4j.daemon.events.GroupEvent;
import dev.supervisor4j.daemon.events.HubMsg;
import dev.supervisor4j.daemon.events.SupervisorStateEvent;
import dev.supervisor4j.daemon.group.Collector;
import dev.supervisor4j.daemon.group.GroupActor;
import dev.supervisor4j.daemon.group.GroupMsg;
import dev.supervisor4j.daemon.log.MainLog;
import dev.supervisor4j.daemon.process.Generation;
import dev.supervisor4j.daemon.process.ProcessMsg;
import dev.supervisor4j.protocol.ConfigChanges;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.SupervisorFault;
import dev.supervisor4j.protocol.SupervisorState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.pattern.StatusReply;

/**
 * The top of the tree: supervisord's own state (RUNNING, RESTARTING, SHUTDOWN), a GroupActor and
 * the ProcessActors of each group, start in priority order and stop in reverse, one group at a
 * time, as supervisord does. It also resolves names for the API, so that calls go straight to the
 * process they concern.
 */
public final class RootGuardian {
  private static final Duration INFO_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration AUTOSTART_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration REPORT_EVERY = Duration.ofSeconds(3);

  private final ActorContext<RootMsg> ctx;
  private final TimerScheduler<RootMsg> timers;
  private final ProcessFactory processes;
  private final ConfigSource configSource;
  private final CompletableFuture<Integer> exitCode;
  private final ActorRef<HubMsg> hub;
  private final Generations generations;
  /** The processes' shared stop flag; a new one at each start. */
  private Generation current;
  private int generation;
  /** Makes actor names unique: an old group's actors may still be stopping when it is re-added. */
  private long spawned;
  private SupervisordConfig config;
  private SupervisordConfig lastRead;
  private ActiveGroups active = ActiveGroups.empty();
  /** Groups with an update under way (waiting for retired processes to stop). */
  private final Set<String> updating = new HashSet<>();
  /** Left stopped by the first autostart only (remember_stopped); a restart starts everything. */
  private java.util.Set<String> keepStopped = java.util.Set.of();

  private RootGuardian(ActorContext<RootMsg> ctx, TimerScheduler<RootMsg> timers, ProcessFactory processes,
      ConfigSource configSource, CompletableFuture<Integer> exitCode, Generations generations) {
    this.ctx = ctx;
    this.generations = generations;
    this.timers = timers;
    this.processes = processes;
    this.configSource = configSource;
    this.exitCode = exitCode;
    this.hub = ctx.spawn(EventHub.create(), "events");
  }

  /**
   * @param config       the config loaded at start-up
   * @param processes    makes each process's behaviour
   * @param configSource re-reads the config on restart and reread
   * @param exitCode     completed with the daemon's exit status once everything has stopped
   */
  public static Behavior<RootMsg> create(SupervisordConfig config, ProcessFactory processes,
      ConfigSource configSource, CompletableFuture<Integer> exitCode) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
        new RootGuardian(ctx, timers, processes, configSource, exitCode, new Generations()).start(config)));
  }

  /**
   * Like {@link #create}, but starts nothing until it gets {@link RootMsg.Begin}; what arrives
   * before is kept and handled after the start. A shutdown before Begin exits without starting.
   *
   * @param generations shared with the signal handlers, which stop the running generation at once
   */
  public static Behavior<RootMsg> createWaiting(SupervisordConfig config, ProcessFactory processes,
      ConfigSource configSource, CompletableFuture<Integer> exitCode, Generations generations) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> Behaviors.withStash(10_000, stash -> {
      RootGuardian root = new RootGuardian(ctx, timers, processes, configSource, exitCode, generations);
      return Behaviors.receive(RootMsg.class)
            .onMessage(RootMsg.KeepStopped.class, k -> {
              root.keepStopped = k.processes();
              return Behaviors.same();
            })
            .onMessage(RootMsg.Begin.class, b -> stash.unstashAll(root.start(config)))
            .onMessage(RootMsg.Shutdown.class, s -> {
              exitCode.complete(0);
              ctx.getSystem().terminate();
              return Behaviors.empty();
            })
            .onAnyMessage(m -> {
              stash.stash(m);
              return Behaviors.same();
            })
            .build();
    })));
  }

  private Behavior<RootMsg> start(SupervisordConfig next) {
    configSource.prepare(next);
    if (generation > 0) {
      keepStopped = java.util.Set.of();
    }
    generation++;
    current = generations.next();
    config = next;
    lastRead = next;
    active = ActiveGroups.empty();
    updating.clear();
    for (GroupConfig g : next.groups()) {
      active = active.with(spawnGroup(next, g));
    }
    hub.tell(SupervisorStateEvent.RUNNING); // events: after the groups' ADDED, before any STARTING
    autostart(active.groups(), 0);
    return running();
  }

  /** Spawns a group's ProcessActors and its GroupActor. */
  private ActiveGroups.Group spawnGroup(SupervisordConfig source, GroupConfig g) {
    ActiveGroups.Group group = assemble(source, g, List.of());
    // events: PROCESS_GROUP_ADDED, and the listener pool of a listener group
    hub.tell(new EventHub.GroupAdded(g, source.daemon().identifier(), refsOf(group)));
    return group;
  }

  private static Map<String, ActorRef<ProcessMsg>> refsOf(ActiveGroups.Group group) {
    Map<String, ActorRef<ProcessMsg>> refs = new LinkedHashMap<>();
    group.members().forEach(m -> refs.put(m.name(), m.ref()));
    return refs;
  }

  /**
   * Makes a group of {@code kept} members and fresh ProcessActors for the other programs of
   * {@code g}, in {@code g}'s order, with a new GroupActor over them.
   */
  private ActiveGroups.Group assemble(SupervisordConfig source, GroupConfig g, List<RootMsg.Member> kept) {
    ActorRef<HubMsg> events = hub;
    long seq = ++spawned;
    Map<String, ActorRef<ProcessMsg>> refs = new LinkedHashMap<>();
    List<RootMsg.Member> members = new ArrayList<>();
    for (ProgramConfig p : g.processes()) {
      ActorRef<ProcessMsg> ref = kept.stream().filter(m -> m.name().equals(p.name())).findFirst()
          .map(RootMsg.Member::ref)
          .orElseGet(() -> ctx.spawn(processes.create(source, g, p, events, current),
              GroupActor.actorName("p" + seq + "-" + GroupActor.actorName("", g.name()) + "-", p.name())));
      refs.put(p.name(), ref);
      members.add(new RootMsg.Member(p.name(), g.name(), ref, p, g.priority()));
    }
    ActorRef<GroupMsg> groupRef = ctx.spawn(GroupActor.create(g, refs),
        GroupActor.actorName("g" + seq + "-", g.name()));
    return new ActiveGroups.Group(g, groupRef, List.copyOf(members));
  }

  /**
   * supervisord spawns every autostart process in one pass, groups in priority order; we keep that
   * order by letting each group finish its spawns before the next begins (no waiting for RUNNING).
   */
  private void autostart(List<ActiveGroups.Group> groups, int index) {
    if (index >= groups.size()) {
      return;
    }
    int gen = generation;
    java.util.Set<String> keep = keepStopped;
    ctx.ask(Done.class, groups.get(index).ref(), AUTOSTART_TIMEOUT, r -> new GroupMsg.Autostart(r, keep),
        (done, failure) -> new RootMsg.AutostartNext(gen, index + 1));
  }

  private Behavior<RootMsg> running() {
    return Behaviors.receive(RootMsg.class)
        .onMessage(RootMsg.Begin.class, b -> Behaviors.same())
        .onMessage(RootMsg.Shutdown.class, s -> beginStop(false))
        .onMessage(RootMsg.Restart.class, r -> beginStop(true))
        .onMessage(RootMsg.GetState.class, get -> reply(get, SupervisorState.RUNNING))
        .onMessage(RootMsg.GetAllProcessInfo.class, this::allInfo)
        .onMessage(RootMsg.ReopenLogs.class, r -> reopen())
        .onMessage(RootMsg.Subscribe.class, this::subscribe)
        .onMessage(RootMsg.ToHub.class, this::toHub)
        .onMessage(RootMsg.Resolve.class, this::onResolve)
        .onMessage(RootMsg.ResolveAll.class, r -> {
          r.replyTo().tell(StatusReply.success(active.allMembers()));
          return Behaviors.same();
        })
        .onMessage(RootMsg.GetConfig.class, this::onGetConfig)
        .onMessage(RootMsg.ReloadConfig.class, this::onReloadConfig)
        .onMessage(RootMsg.AddGroup.class, this::onAddGroup)
        .onMessage(RootMsg.RemoveGroup.class, this::onRemoveGroup)
        .onMessage(RootMsg.RemoveChecked.class, this::onRemoveChecked)
        .onMessage(RootMsg.UpdateGroup.class, this::onUpdateGroup)
        .onMessage(RootMsg.UpdateStopped.class, this::onUpdateStopped)
        .onMessage(RootMsg.GroupStopped.class, g -> Behaviors.same())
        .onMessage(RootMsg.AutostartNext.class, a -> {
          if (a.generation() == generation) {
            autostart(active.groups(), a.index());
          }
          return Behaviors.same();
        })
        .build();
  }

  private Behavior<RootMsg> beginStop(boolean restart) {
    if (restart) {
      generations.stopCurrent(); // at once, for every process: nothing of this generation starts again
    } else {
      generations.shutdown();
    }
    hub.tell(SupervisorStateEvent.STOPPING); // events
    ctx.getSelf().tell(RootMsg.ShutdownReport.INSTANCE);
    timers.startTimerWithFixedDelay("report", RootMsg.ShutdownReport.INSTANCE, REPORT_EVERY);
    List<ActiveGroups.Group> reverse = new ArrayList<>(active.groups());
    Collections.reverse(reverse);
    return stopping(reverse, restart);
  }

  /**
   * Stops the groups one at a time, in reverse priority order: the next group is stopped only once
   * every process of the current one is in a stopped state.
   */
  private Behavior<RootMsg> stopping(List<ActiveGroups.Group> remaining, boolean restart) {
    if (remaining.isEmpty()) {
      return afterStop(restart);
    }
    ActorRef<Done> done = ctx.messageAdapter(Done.class, d -> RootMsg.GroupStopped.INSTANCE);
    remaining.get(0).ref().tell(new GroupMsg.StopAll(done));
    List<ActiveGroups.Group> rest = remaining.subList(1, remaining.size());
    SupervisorState mood = restart ? SupervisorState.RESTARTING : SupervisorState.SHUTDOWN;
    return Behaviors.receive(RootMsg.class)
        .onMessage(RootMsg.GroupStopped.class, g -> stopping(rest, restart))
        .onMessage(RootMsg.Shutdown.class, s -> {
          generations.shutdown();
          return restart ? stoppingAfterCurrent(rest) : Behaviors.same();
        })
        .onMessage(RootMsg.Restart.class, r -> {
          if (!restart) {
            MainLog.warn("ignored SIGHUP indicating restart request (shutdown in progress)");
          }
          return Behaviors.same();
        })
        .onMessage(RootMsg.GetState.class, get -> reply(get, mood))
        .onMessage(RootMsg.ShutdownReport.class, r -> askReport())
        .onMessage(RootMsg.Unstopped.class, this::report)
        .onMessage(RootMsg.GetAllProcessInfo.class, this::allInfo)
        .onMessage(RootMsg.ReopenLogs.class, r -> reopen())
        .onMessage(RootMsg.Subscribe.class, this::subscribe)
        .onMessage(RootMsg.ToHub.class, this::toHub)
        .onAnyMessage(this::refuseWhileStopping)
        .build();
  }

  /** A shutdown request while restarting: finish the group being stopped, then stop for good. */
  private Behavior<RootMsg> stoppingAfterCurrent(List<ActiveGroups.Group> rest) {
    return Behaviors.receive(RootMsg.class)
        .onMessage(RootMsg.GroupStopped.class, g -> stopping(rest, false))
        .onMessage(RootMsg.GetState.class, get -> reply(get, SupervisorState.SHUTDOWN))
        .onMessage(RootMsg.ShutdownReport.class, r -> askReport())
        .onMessage(RootMsg.Unstopped.class, this::report)
        .onMessage(RootMsg.GetAllProcessInfo.class, this::allInfo)
        .onMessage(RootMsg.Subscribe.class, this::subscribe)
        .onMessage(RootMsg.ToHub.class, this::toHub)
        .onAnyMessage(this::refuseWhileStopping)
        .build();
  }

  /** supervisord answers SHUTDOWN_STATE to the API while it stops. */
  private Behavior<RootMsg> refuseWhileStopping(RootMsg msg) {
    SupervisorFault fault = new SupervisorFault(Fault.SHUTDOWN_STATE);
    if (msg instanceof RootMsg.Resolve) {
      ((RootMsg.Resolve) msg).replyTo().tell(StatusReply.error(fault));
    } else if (msg instanceof RootMsg.ResolveAll) {
      ((RootMsg.ResolveAll) msg).replyTo().tell(StatusReply.error(fault));
    } else if (msg instanceof RootMsg.GetConfig) {
      ((RootMsg.GetConfig) msg).replyTo().tell(StatusReply.error(fault));
    } else if (msg instanceof RootMsg.ReloadConfig) {
      ((RootMsg.ReloadConfig) msg).replyTo().tell(StatusReply.error(fault));
    } else if (msg instanceof RootMsg.AddGroup) {
      ((RootMsg.AddGroup) msg).replyTo().tell(StatusReply.error(fault));
    } else if (msg instanceof RootMsg.RemoveGroup) {
      ((RootMsg.RemoveGroup) msg).replyTo().tell(StatusReply.error(fault));
    } else if (msg instanceof RootMsg.RemoveChecked) {
      ((RootMsg.RemoveChecked) msg).replyTo().tell(StatusReply.error(fault));
    } else if (msg instanceof RootMsg.UpdateGroup) {
      ((RootMsg.UpdateGroup) msg).replyTo().tell(StatusReply.error(fault));
    } else if (msg instanceof RootMsg.UpdateStopped) {
      ((RootMsg.UpdateStopped) msg).replyTo().tell(StatusReply.error(fault));
    }
    return Behaviors.same();
  }

  private Behavior<RootMsg> askReport() {
    ctx.ask(List.class, ctx.getSelf(), INFO_TIMEOUT, r -> new RootMsg.GetAllProcessInfo(r.unsafeUpcast()),
        (infos, failure) -> new RootMsg.Unstopped(infos == null ? List.of() : infosOf(infos)));
    return Behaviors.same();
  }

  /** supervisord's "waiting for a, b to die", every 3 s while processes are still stopping. */
  private Behavior<RootMsg> report(RootMsg.Unstopped u) {
    List<String> names = u.infos().stream().filter(i -> !i.state().isStopped()).map(ProcessInfo::name).toList();
    if (!names.isEmpty()) {
      MainLog.info("waiting for " + String.join(", ", names) + " to die");
    }
    return Behaviors.same();
  }

  private Behavior<RootMsg> afterStop(boolean restart) {
    timers.cancel("report");
    if (!restart) {
      exitCode.complete(0);
      ctx.getSystem().terminate();
      return Behaviors.empty();
    }
    SupervisordConfig next;
    try {
      next = configSource.load();
    } catch (ConfigException e) {
      // supervisord: a config made invalid before a restart makes the daemon exit with status 2.
      MainLog.crit("Error: " + e.getMessage());
      exitCode.complete(2);
      ctx.getSystem().terminate();
      return Behaviors.empty();
    }
    stopActors(active.groups());
    return start(next);
  }

  private void stopActors(List<ActiveGroups.Group> groups) {
    for (ActiveGroups.Group g : groups) {
      g.members().forEach(m -> ctx.stop(m.ref()));
      ctx.stop(g.ref());
      hub.tell(new EventHub.GroupGone(g.name())); // events: its listener pool goes too
    }
  }

  private Behavior<RootMsg> onResolve(RootMsg.Resolve r) {
    r.replyTo().tell(active.resolve(r.spec())
        .map(StatusReply::success)
        .orElseGet(() -> StatusReply.error(new SupervisorFault(Fault.BAD_NAME, r.raw()))));
    return Behaviors.same();
  }

  private Behavior<RootMsg> onGetConfig(RootMsg.GetConfig get) {
    get.replyTo().tell(StatusReply.success(new RootMsg.ConfigView(config, lastRead, active.names())));
    return Behaviors.same();
  }

  private Behavior<RootMsg> onReloadConfig(RootMsg.ReloadConfig reload) {
    try {
      lastRead = configSource.load();
    } catch (ConfigException e) {
      reload.replyTo().tell(StatusReply.error(new SupervisorFault(Fault.CANT_REREAD, e.getMessage())));
      return Behaviors.same();
    }
    reload.replyTo().tell(StatusReply.success(diff(lastRead)));
    return Behaviors.same();
  }

  /** supervisord's diff of a freshly read config against the active groups, names sorted. */
  private ConfigChanges diff(SupervisordConfig read) {
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> removed = new ArrayList<>(active.names());
    for (GroupConfig g : read.groups()) {
      removed.remove(g.name());
      active.get(g.name()).ifPresentOrElse(
          current -> {
            if (!current.config().equals(g)) {
              changed.add(g.name());
            }
          },
          () -> added.add(g.name()));
    }
    added.sort(Comparator.naturalOrder());
    changed.sort(Comparator.naturalOrder());
    removed.sort(Comparator.naturalOrder());
    return new ConfigChanges(added, changed, removed);
  }

  private Behavior<RootMsg> onAddGroup(RootMsg.AddGroup add) {
    if (active.get(add.name()).isPresent()) {
      add.replyTo().tell(StatusReply.error(new SupervisorFault(Fault.ALREADY_ADDED, add.name())));
      return Behaviors.same();
    }
    GroupConfig g = lastReadGroup(add.name());
    if (g == null) {
      add.replyTo().tell(StatusReply.error(new SupervisorFault(Fault.BAD_NAME, add.name())));
      return Behaviors.same();
    }
    ActiveGroups.Group group = spawnGroup(lastRead, g);
    active = active.with(group);
    group.ref().tell(new GroupMsg.Autostart(ctx.getSystem().ignoreRef()));
    add.replyTo().tell(StatusReply.ack());
    return Behaviors.same();
  }

  /** The group of that name in the last-read config, or null. */
  private GroupConfig lastReadGroup(String name) {
    return lastRead.groups().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
  }

  private Behavior<RootMsg> onRemoveGroup(RootMsg.RemoveGroup remove) {
    ActiveGroups.Group g = active.get(remove.name()).orElse(null);
    if (g == null) {
      remove.replyTo().tell(StatusReply.error(new SupervisorFault(Fault.BAD_NAME, remove.name())));
      return Behaviors.same();
    }
    ctx.ask(List.class, g.ref(), INFO_TIMEOUT, replyTo -> new GroupMsg.GetInfos(replyTo.unsafeUpcast()),
        (infos, failure) -> new RootMsg.RemoveChecked(remove.name(), infosOf(infos), remove.replyTo()));
    return Behaviors.same();
  }

  @SuppressWarnings("unchecked")
  private static List<ProcessInfo> infosOf(List<?> infos) {
    return infos == null ? null : (List<ProcessInfo>) infos;
  }

  private Behavior<RootMsg> onRemoveChecked(RootMsg.RemoveChecked checked) {
    ActiveGroups.Group g = active.get(checked.name()).orElse(null);
    if (g == null) {
      checked.replyTo().tell(StatusReply.error(new SupervisorFault(Fault.BAD_NAME, checked.name())));
      return Behaviors.same();
    }
    if (checked.infos() == null || checked.infos().stream().anyMatch(i -> !i.state().isStopped())) {
      checked.replyTo().tell(StatusReply.error(new SupervisorFault(Fault.STILL_RUNNING, checked.name())));
      return Behaviors.same();
    }
    stopActors(List.of(g));
    hub.tell(new GroupEvent(false, checked.name())); // events: PROCESS_GROUP_REMOVED
    active = active.without(checked.name());
    checked.replyTo().tell(StatusReply.ack());
    return Behaviors.same();
  }

  /**
   * supervisor4j.updateProcessGroup: stops the members whose effective config changed (all at
   * once, as a group stop does), then swaps them for fresh ones; the others are untouched.
   */
  private Behavior<RootMsg> onUpdateGroup(RootMsg.UpdateGroup u) {
    ActiveGroups.Group current = active.get(u.name()).orElse(null);
    GroupConfig next = lastReadGroup(u.name());
    if (current == null || next == null) {
      u.replyTo().tell(StatusReply.error(new SupervisorFault(Fault.BAD_NAME, u.name())));
      return Behaviors.same();
    }
    if (!updating.add(u.name())) {
      u.replyTo().tell(StatusReply.error(new SupervisorFault(Fault.FAILED, u.name() + " is being updated")));
      return Behaviors.same();
    }
    GroupUpdate update = GroupUpdate.plan(current, config.daemon(), next, lastRead.daemon());
    RootMsg.UpdateStopped stopped = new RootMsg.UpdateStopped(update, lastRead, u.replyTo());
    if (update.retired().isEmpty()) {
      return onUpdateStopped(stopped);
    }
    ActorRef<RootMsg> self = ctx.getSelf();
    ActorRef<Done> whenStopped = ctx.spawnAnonymous(Behaviors.<Done>receiveMessage(d -> {
      self.tell(stopped);
      return Behaviors.stopped();
    }));
    ActorRef<StatusReply<Done>> collector = ctx.spawnAnonymous(Collector.<StatusReply<Done>, Done>create(
        update.retired().size(), null, all -> Done.getInstance(), whenStopped));
    update.retired().forEach(m -> m.ref().tell(new ProcessMsg.StopForShutdown(collector)));
    return Behaviors.same();
  }

  private Behavior<RootMsg> onUpdateStopped(RootMsg.UpdateStopped stopped) {
    GroupUpdate update = stopped.update();
    updating.remove(update.name());
    if (active.get(update.name()).filter(g -> g.ref().equals(update.current().ref())).isEmpty()) {
      // removed (or replaced) while its processes were stopping
      stopped.replyTo().tell(StatusReply.error(new SupervisorFault(Fault.BAD_NAME, update.name())));
      return Behaviors.same();
    }
    update.retired().forEach(m -> ctx.stop(m.ref()));
    ctx.stop(update.current().ref());
    ActiveGroups.Group group = assemble(stopped.source(), update.next(), update.kept());
    active = active.without(update.name()).with(group);
    // events: no group event (the group stays); a listener pool keeps its buffer and serials
    hub.tell(new EventHub.GroupUpdated(update.next(), stopped.source().daemon().identifier(), refsOf(group)));
    Set<String> fresh = new HashSet<>();
    update.fresh().forEach(p -> fresh.add(p.name()));
    group.ref().tell(new GroupMsg.AutostartOnly(fresh, ctx.getSystem().ignoreRef()));
    stopped.replyTo().tell(StatusReply.ack());
    return Behaviors.same();
  }

  private Behavior<RootMsg> reply(RootMsg.GetState get, SupervisorState state) {
    get.replyTo().tell(state);
    return Behaviors.same();
  }

  private Behavior<RootMsg> subscribe(RootMsg.Subscribe s) {
    hub.tell(new EventHub.Subscribe(s.subscriber()));
    return Behaviors.same();
  }

  /** Events and subscriptions from outside the tree, in every state (sendRemoteCommEvent as supervisord). */
  private Behavior<RootMsg> toHub(RootMsg.ToHub m) {
    hub.tell(m.msg());
    return Behaviors.same();
  }

  private Behavior<RootMsg> reopen() {
    active.groups().forEach(g -> g.ref().tell(GroupMsg.ReopenLogs.INSTANCE));
    return Behaviors.same();
  }

  /** One collector for every process, asked directly: no per-group fan-out on this hot path. */
  private Behavior<RootMsg> allInfo(RootMsg.GetAllProcessInfo get) {
    List<RootMsg.Member> members = active.allMembers();
    ActorRef<ProcessInfo> collector = ctx.spawnAnonymous(
        Collector.<ProcessInfo, List<ProcessInfo>>create(members.size(), INFO_TIMEOUT,
            RootGuardian::sorted, get.replyTo()));
    members.forEach(m -> m.ref().tell(new ProcessMsg.GetInfo(collector)));
    return Behaviors.same();
  }

  /** getAllProcessInfo's order: by group name, then process name, as plain strings. */
  private static List<ProcessInfo> sorted(List<ProcessInfo> infos) {
    List<ProcessInfo> all = new ArrayList<>(infos);
    all.sort(Comparator.comparing(ProcessInfo::group).thenComparing(ProcessInfo::name));
    return List.copyOf(all);
  }
}
