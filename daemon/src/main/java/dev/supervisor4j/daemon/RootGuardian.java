package dev.supervisor4j.daemon;

import dev.supervisor4j.daemon.actor.ActorNames;
import dev.supervisor4j.daemon.actor.Collector;
import dev.supervisor4j.daemon.actor.Refusable;
import dev.supervisor4j.daemon.board.StatusBoard;
import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.events.EventHub;
import dev.supervisor4j.daemon.events.HubMsg;
import dev.supervisor4j.daemon.events.SupervisorStateEvent;
import dev.supervisor4j.daemon.group.GroupActor;
import dev.supervisor4j.daemon.group.GroupMsg;
import dev.supervisor4j.daemon.group.Outcome;
import dev.supervisor4j.daemon.group.ProcessFactory;
import dev.supervisor4j.daemon.group.ResultOrder;
import dev.supervisor4j.daemon.log.MainLog;
import dev.supervisor4j.protocol.Failures;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.SupervisorFault;
import dev.supervisor4j.protocol.SupervisorState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.BehaviorBuilder;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.pattern.StatusReply;

/**
 * The top of the tree: supervisord's own state (RUNNING, RESTARTING, SHUTDOWN), the ordered start
 * (groups in priority order) and stop (in reverse, one group at a time), the active groups and the
 * config changes applied to them. It holds group refs only: a request for {@code group:name} goes
 * root → group → process; reads go to the {@link StatusBoard}, not here.
 */
public final class RootGuardian {
  private static final Duration AUTOSTART_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration REPORT_EVERY = Duration.ofSeconds(3);
  private static final int STASH = 10_000;

  private final ActorContext<RootMsg> ctx;
  private final TimerScheduler<RootMsg> timers;
  private final StashBuffer<RootMsg> stash;
  private final ProcessFactory processes;
  private final ConfigSource configSource;
  private final CompletableFuture<Integer> exitCode;
  private final ActorRef<HubMsg> hub;
  private final StatusBoard board;
  private final Generations generations;
  private final ActorRef<GroupMsg.Ready> readies;
  private GroupActor.Context groupContext;
  private int generation;
  /** Makes actor names unique: an old group's actors may still be stopping when it is re-added. */
  private long spawned;
  private SupervisordConfig config;
  private ActiveGroups active = ActiveGroups.empty();
  private final GroupChanges changes;
  /**
   * Left stopped by the next autostart (remember_stopped): told before the first start and before
   * each restart's, forgotten when a restart begins.
   */
  private Set<String> keepStopped = Set.of();
  /** A shutdown came while the config for a restart was being read. */
  private boolean shutdownAfterRestart;

  private RootGuardian(ActorContext<RootMsg> ctx, TimerScheduler<RootMsg> timers, StashBuffer<RootMsg> stash,
      ProcessFactory processes, ConfigSource configSource, CompletableFuture<Integer> exitCode,
      Generations generations, StatusBoard board) {
    this.ctx = ctx;
    this.timers = timers;
    this.stash = stash;
    this.generations = generations;
    this.processes = processes;
    this.configSource = configSource;
    this.exitCode = exitCode;
    this.board = board;
    this.hub = ctx.spawn(EventHub.create(), "events");
    this.readies = ctx.messageAdapter(GroupMsg.Ready.class, RootMsg.GroupReady::new);
    this.changes = new GroupChanges(this, ctx, hub, board, configSource);
  }

  /**
   * @param config       the config loaded at start-up
   * @param processes    makes each process's behaviour
   * @param configSource re-reads the config on restart and reread
   * @param exitCode     completed with the daemon's exit status once everything has stopped
   * @param board        where processes and the root show their state
   */
  public static Behavior<RootMsg.Command> create(SupervisordConfig config, ProcessFactory processes,
      ConfigSource configSource, CompletableFuture<Integer> exitCode, StatusBoard board) {
    return Behaviors.<RootMsg>setup(ctx -> Behaviors.withTimers(timers -> Behaviors.withStash(STASH, stash ->
        new RootGuardian(ctx, timers, stash, processes, configSource, exitCode, new Generations(), board)
            .start(config)))).narrow();
  }

  /**
   * Like {@link #create}, but starts nothing until it gets {@link RootMsg.Begin}; what arrives
   * before is kept and handled after the start. A shutdown before Begin exits without starting.
   *
   * @param generations shared with the signal handlers, which stop the running generation at once
   */
  public static Behavior<RootMsg.Command> createWaiting(SupervisordConfig config, ProcessFactory processes,
      ConfigSource configSource, CompletableFuture<Integer> exitCode, Generations generations,
      StatusBoard board) {
    return Behaviors.<RootMsg>setup(ctx -> Behaviors.withTimers(timers -> Behaviors.withStash(STASH, stash -> {
      RootGuardian root = new RootGuardian(ctx, timers, stash, processes, configSource, exitCode, generations,
          board);
      return Behaviors.receive(RootMsg.class)
          .onMessage(RootMsg.KeepStopped.class, k -> {
            root.keepStopped = k.processes();
            return Behaviors.same();
          })
          .onMessage(RootMsg.Begin.class, b -> root.start(config))
          .onMessage(RootMsg.Shutdown.class, s -> root.exit(0))
          .onAnyMessage(root::keep)
          .build();
    }))).narrow();
  }

  private Behavior<RootMsg> keep(RootMsg m) {
    stash.stash(m);
    return Behaviors.same();
  }

  private Behavior<RootMsg> exit(int status) {
    exitCode.complete(status);
    ctx.getSystem().terminate();
    return Behaviors.empty();
  }

  // ---- start ----------------------------------------------------------------------------------

  /** Makes every group; once all are on the board, announces RUNNING and autostarts them in order. */
  private Behavior<RootMsg> start(SupervisordConfig next) {
    generation++;
    groupContext = new GroupActor.Context(processes, hub, board, generations.next());
    config = next;
    changes.reset(next);
    active = ActiveGroups.empty();
    for (GroupConfig g : next.groups()) {
      active = active.with(spawnGroup(next, g));
    }
    return awaitingGroups(new HashMap<>());
  }

  ActiveGroups.Group spawnGroup(SupervisordConfig source, GroupConfig g) {
    ActorRef<GroupMsg.Command> ref = ctx.spawn(GroupActor.create(g, source, groupContext, readies),
        ActorNames.of("g" + (++spawned) + "-", g.name()));
    return new ActiveGroups.Group(g, ref);
  }

  /** Until every group of this start has made its members; other messages wait. */
  private Behavior<RootMsg> awaitingGroups(Map<String, GroupMsg.Ready> ready) {
    if (ready.size() == active.groups().size()) {
      for (ActiveGroups.Group g : active.groups()) {
        // events: PROCESS_GROUP_ADDED, and the listener pool of a listener group
        hub.tell(new EventHub.GroupAdded(g.config(), config.daemon().identifier(), ready.get(g.name()).members()));
      }
      hub.tell(SupervisorStateEvent.RUNNING); // events: after the groups' ADDED, before any STARTING
      board.setState(SupervisorState.RUNNING);
      autostart(0);
      return stash.unstashAll(running());
    }
    return Behaviors.receive(RootMsg.class)
        .onMessage(RootMsg.GroupReady.class, r -> {
          if (isCurrent(r.ready())) {
            ready.put(r.ready().group(), r.ready());
          }
          return awaitingGroups(ready);
        })
        .onAnyMessage(this::keep)
        .build();
  }

  boolean isCurrent(GroupMsg.Ready ready) {
    return active.get(ready.group()).filter(g -> g.ref().equals(ready.ref())).isPresent();
  }

  /**
   * supervisord spawns every autostart process in one pass, groups in priority order; we keep that
   * order by letting each group finish its spawns before the next begins (no waiting for RUNNING).
   */
  private void autostart(int index) {
    List<ActiveGroups.Group> groups = active.groups();
    if (index >= groups.size()) {
      return;
    }
    int gen = generation;
    Set<String> keep = keepStopped;
    ctx.ask(Done.class, groups.get(index).ref(), AUTOSTART_TIMEOUT, r -> new GroupMsg.Autostart(null, keep, r),
        (done, failure) -> new RootMsg.AutostartNext(gen, index + 1));
  }

  // ---- running --------------------------------------------------------------------------------

  /** The groups running now. */
  ActiveGroups active() {
    return active;
  }

  void setActive(ActiveGroups next) {
    active = next;
  }

  private Behavior<RootMsg> running() {
    return changes.handlers(Behaviors.receive(RootMsg.class))
        .onMessage(RootMsg.Begin.class, b -> Behaviors.same())
        .onMessage(RootMsg.Shutdown.class, s -> beginStop(false))
        .onMessage(RootMsg.Restart.class, r -> beginStop(true))
        .onMessage(RootMsg.StopAsked.class, s -> {
          Behavior<RootMsg> next = beginStop(s.restart());
          s.replyTo().tell(StatusReply.ack());
          return next;
        })
        .onMessage(RootMsg.GetState.class, get -> reply(get, SupervisorState.RUNNING))
        .onMessage(RootMsg.GetAllProcessInfo.class, this::allInfo)
        .onMessage(RootMsg.ReopenLogs.class, r -> reopen())
        .onMessage(RootMsg.Subscribe.class, this::subscribe)
        .onMessage(RootMsg.ToHub.class, this::toHub)
        .onMessage(RootMsg.ToProcess.class, this::onToProcess)
        .onMessage(RootMsg.ToGroup.class, this::onToGroup)
        .onMessage(RootMsg.ToAll.class, this::onToAll)
        .onMessage(RootMsg.GetConfig.class, get -> {
          SupervisordConfig read = changes.lastRead();
          get.replyTo().tell(StatusReply.success(
              new RootMsg.ConfigView(config, read, active.names(), active.madeFrom(read))));
          return Behaviors.same();
        })
        .onMessage(RootMsg.GroupStopped.class, g -> Behaviors.same())
        .onMessage(RootMsg.ShutdownReport.class, r -> Behaviors.same())
        .onMessage(RootMsg.AutostartNext.class, a -> {
          if (a.generation() == generation) {
            autostart(a.index());
          }
          return Behaviors.same();
        })
        .build();
  }

  private Behavior<RootMsg> onToProcess(RootMsg.ToProcess m) {
    ActiveGroups.Group g = m.spec().isGroup() ? null : active.get(m.spec().group()).orElse(null);
    if (g == null) {
      m.refuse(new SupervisorFault(Fault.BAD_NAME, m.raw()));
    } else {
      g.ref().tell(new GroupMsg.ToMember(m.spec().process(), m.raw(), m.request()));
    }
    return Behaviors.same();
  }

  /** supervisord's group methods look the name up as it is ({@code g:*} is BAD_NAME there). */
  private Behavior<RootMsg> onToGroup(RootMsg.ToGroup m) {
    active.get(m.group()).ifPresentOrElse(
        g -> g.ref().tell(new GroupMsg.Run(m.op(), m.replyTo())),
        () -> m.refuse(new SupervisorFault(Fault.BAD_NAME, m.group())));
    return Behaviors.same();
  }

  /** Every group at once; one array, ordered across groups as supervisord orders it. */
  private Behavior<RootMsg> onToAll(RootMsg.ToAll m) {
    List<ActiveGroups.Group> groups = active.groups();
    ActorRef<List<Outcome>> collector = ctx.spawnAnonymous(Collector.<List<Outcome>, StatusReply<List<ProcessResult>>>create(groups.size(), null, parts -> {
          List<Outcome> all = new ArrayList<>();
          parts.forEach(all::addAll);
          return StatusReply.success(ResultOrder.arrange(all));
        }, m.replyTo()));
    for (int i = 0; i < groups.size(); i++) {
      groups.get(i).ref().tell(new GroupMsg.RunPart(m.op(), i, collector));
    }
    return Behaviors.same();
  }

  // ---- stop -----------------------------------------------------------------------------------

  private Behavior<RootMsg> beginStop(boolean restart) {
    if (restart) {
      generations.stopCurrent(); // at once, for every process: nothing of this generation starts again
    } else {
      generations.shutdown();
    }
    board.setState(restart ? SupervisorState.RESTARTING : SupervisorState.SHUTDOWN);
    hub.tell(SupervisorStateEvent.STOPPING); // events
    changes.refuseWaiting();
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
    return stoppingBehavior(restart ? SupervisorState.RESTARTING : SupervisorState.SHUTDOWN)
        .onMessage(RootMsg.GroupStopped.class, g -> stopping(rest, restart))
        .onMessage(RootMsg.Shutdown.class, s -> {
          generations.shutdown();
          board.setState(SupervisorState.SHUTDOWN);
          return restart ? stoppingAfterCurrent(rest) : Behaviors.same();
        })
        .onMessage(RootMsg.Restart.class, r -> {
          if (!restart) {
            MainLog.warn("ignored SIGHUP indicating restart request (shutdown in progress)");
          }
          return Behaviors.same();
        })
        .onMessage(RootMsg.ReopenLogs.class, r -> reopen())
        .onAnyMessage(this::refuseWhileStopping)
        .build();
  }

  /** A shutdown request while restarting: finish the group being stopped, then stop for good. */
  private Behavior<RootMsg> stoppingAfterCurrent(List<ActiveGroups.Group> rest) {
    return stoppingBehavior(SupervisorState.SHUTDOWN)
        .onMessage(RootMsg.GroupStopped.class, g -> stopping(rest, false))
        .onAnyMessage(this::refuseWhileStopping)
        .build();
  }

  /** What every stopping state answers alike. */
  private BehaviorBuilder<RootMsg> stoppingBehavior(SupervisorState mood) {
    return Behaviors.receive(RootMsg.class)
        .onMessage(RootMsg.GetState.class, get -> reply(get, mood))
        .onMessage(RootMsg.GetAllProcessInfo.class, this::allInfo)
        .onMessage(RootMsg.ShutdownReport.class, r -> report())
        .onMessage(RootMsg.Subscribe.class, this::subscribe)
        .onMessage(RootMsg.ToHub.class, this::toHub);
  }

  /** supervisord answers SHUTDOWN_STATE to the API while it stops. */
  private Behavior<RootMsg> refuseWhileStopping(RootMsg msg) {
    if (msg instanceof Refusable r) {
      r.refuse(new SupervisorFault(Fault.SHUTDOWN_STATE));
    }
    return Behaviors.same();
  }

  /** supervisord's "waiting for a, b to die", every 3 s while processes are still stopping. */
  private Behavior<RootMsg> report() {
    List<String> names = board.infos(Clock.systemUTC().millis()).stream()
        .filter(i -> !i.state().isStopped()).map(ProcessInfo::name).toList();
    if (!names.isEmpty()) {
      MainLog.info("waiting for " + String.join(", ", names) + " to die");
    }
    return Behaviors.same();
  }

  private Behavior<RootMsg> afterStop(boolean restart) {
    timers.cancel("report");
    if (!restart) {
      return exit(0);
    }
    stopActors(active.groups());
    keepStopped = Set.of();
    ctx.pipeToSelf(configSource.restart(), RootMsg.Restarted::new);
    return Behaviors.receive(RootMsg.class)
        .onMessage(RootMsg.Restarted.class, this::onRestarted)
        .onMessage(RootMsg.KeepStopped.class, k -> {
          keepStopped = k.processes(); // told by the restart, before it completes
          return Behaviors.same();
        })
        .onMessage(RootMsg.GetState.class, get -> reply(get, SupervisorState.RESTARTING))
        .onMessage(RootMsg.GetAllProcessInfo.class, this::allInfo)
        .onMessage(RootMsg.Subscribe.class, this::subscribe)
        .onMessage(RootMsg.ToHub.class, this::toHub)
        .onMessage(RootMsg.Shutdown.class, s -> {
          generations.shutdown();
          board.setState(SupervisorState.SHUTDOWN);
          shutdownAfterRestart = true;
          return Behaviors.same();
        })
        .onAnyMessage(this::refuseWhileStopping)
        .build();
  }

  /** The config for the next run is read (or is invalid). */
  private Behavior<RootMsg> onRestarted(RootMsg.Restarted r) {
    if (r.failure() != null) {
      Throwable e = Failures.unwrap(r.failure());
      // supervisord: a config made invalid before a restart makes the daemon exit with status 2.
      MainLog.crit("Error: " + e.getMessage());
      return exit(2);
    }
    if (shutdownAfterRestart) {
      return exit(0);
    }
    return start(r.config());
  }

  /** Stops groups (their members stop with them) and takes them off the board at once. */
  void stopActors(List<ActiveGroups.Group> groups) {
    for (ActiveGroups.Group g : groups) {
      ctx.stop(g.ref());
      board.closeGroup(g.name());
      hub.tell(new EventHub.GroupGone(g.name())); // events: its listener pool goes too
    }
  }

  // ---- in every state -------------------------------------------------------------------------

  private Behavior<RootMsg> reply(RootMsg.GetState get, SupervisorState state) {
    get.replyTo().tell(state);
    return Behaviors.same();
  }

  private Behavior<RootMsg> allInfo(RootMsg.GetAllProcessInfo get) {
    get.replyTo().tell(board.infos(Clock.systemUTC().millis()));
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
}
