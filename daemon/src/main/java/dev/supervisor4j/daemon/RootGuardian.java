package dev.supervisor4j.daemon;

import dev.supervisor4j.daemon.config.ConfigException;
import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.events.EventHub;
import dev.supervisor4j.daemon.events.HubMsg;
import dev.supervisor4j.daemon.group.Collector;
import dev.supervisor4j.daemon.group.GroupActor;
import dev.supervisor4j.daemon.group.GroupMsg;
import dev.supervisor4j.daemon.process.ProcessEvent;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.SupervisorState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.slf4j.Logger;

/**
 * The top of the tree: supervisord's own state (RUNNING, RESTARTING, SHUTDOWN), one GroupActor per
 * group, start in priority order and stop in reverse, one group at a time, as supervisord does.
 */
public final class RootGuardian {
  private static final Logger LOG = dev.supervisor4j.daemon.log.MainLog.LOG;
  private static final Duration INFO_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration AUTOSTART_TIMEOUT = Duration.ofSeconds(60);

  /** One group as running now. */
  private record Group(GroupConfig config, ActorRef<GroupMsg> ref) {}

  private final ActorContext<RootMsg> ctx;
  private final ProcessFactory processes;
  private final ConfigSource configSource;
  private final CompletableFuture<Integer> exitCode;
  private final ActorRef<HubMsg> hub;
  private int generation;

  private RootGuardian(ActorContext<RootMsg> ctx, ProcessFactory processes, ConfigSource configSource,
      CompletableFuture<Integer> exitCode) {
    this.ctx = ctx;
    this.processes = processes;
    this.configSource = configSource;
    this.exitCode = exitCode;
    this.hub = ctx.spawn(EventHub.create(), "events");
  }

  /**
   * @param config       the config loaded at start-up
   * @param processes    makes each process's behaviour
   * @param configSource re-reads the config on restart
   * @param exitCode     completed with the daemon's exit status once everything has stopped
   */
  public static Behavior<RootMsg> create(SupervisordConfig config, ProcessFactory processes,
      ConfigSource configSource, CompletableFuture<Integer> exitCode) {
    return Behaviors.setup(ctx -> new RootGuardian(ctx, processes, configSource, exitCode).start(config));
  }

  private Behavior<RootMsg> start(SupervisordConfig config) {
    configSource.prepare(config);
    generation++;
    List<Group> groups = new ArrayList<>();
    ActorRef<ProcessEvent> events = hub.narrow();
    for (GroupConfig g : config.groups()) {
      ActorRef<GroupMsg> ref = ctx.spawn(
          GroupActor.create(g, p -> processes.create(config, g, p, events)),
          GroupActor.actorName("g" + generation + "-", g.name()));
      groups.add(new Group(g, ref));
    }
    autostart(List.copyOf(groups), 0);
    return running(List.copyOf(groups));
  }

  /**
   * supervisord spawns every autostart process in one pass, groups in priority order; we keep that
   * order by letting each group finish its spawns before the next begins (no waiting for RUNNING).
   */
  private void autostart(List<Group> groups, int index) {
    if (index >= groups.size()) {
      return;
    }
    ctx.ask(Done.class, groups.get(index).ref(), AUTOSTART_TIMEOUT, GroupMsg.Autostart::new,
        (done, failure) -> new RootMsg.AutostartNext(generation, index + 1));
  }

  private Behavior<RootMsg> running(List<Group> groups) {
    return Behaviors.receive(RootMsg.class)
        .onMessage(RootMsg.Shutdown.class, s -> beginStop(groups, false))
        .onMessage(RootMsg.Restart.class, r -> beginStop(groups, true))
        .onMessage(RootMsg.GetState.class, get -> reply(get, SupervisorState.RUNNING))
        .onMessage(RootMsg.GetAllProcessInfo.class, get -> allInfo(groups, get))
        .onMessage(RootMsg.ReopenLogs.class, r -> reopen(groups))
        .onMessage(RootMsg.Subscribe.class, this::subscribe)
        .onMessage(RootMsg.GroupStopped.class, g -> Behaviors.same())
        .onMessage(RootMsg.AutostartNext.class, a -> {
          if (a.generation() == generation) {
            autostart(groups, a.index());
          }
          return Behaviors.same();
        })
        .build();
  }

  private Behavior<RootMsg> beginStop(List<Group> groups, boolean restart) {
    groups.forEach(g -> g.ref().tell(GroupMsg.Freeze.INSTANCE));
    List<Group> reverse = new ArrayList<>(groups);
    java.util.Collections.reverse(reverse);
    return stopping(groups, reverse, restart);
  }

  /**
   * Stops the groups one at a time, in reverse priority order: the next group is stopped only once
   * every process of the current one is in a stopped state.
   */
  private Behavior<RootMsg> stopping(List<Group> all, List<Group> remaining, boolean restart) {
    if (remaining.isEmpty()) {
      return afterStop(all, restart);
    }
    ActorRef<Done> done = ctx.messageAdapter(Done.class, d -> RootMsg.GroupStopped.INSTANCE);
    remaining.get(0).ref().tell(new GroupMsg.StopAll(done));
    List<Group> rest = remaining.subList(1, remaining.size());
    SupervisorState mood = restart ? SupervisorState.RESTARTING : SupervisorState.SHUTDOWN;
    return Behaviors.receive(RootMsg.class)
        .onMessage(RootMsg.GroupStopped.class, g -> stopping(all, rest, restart))
        .onMessage(RootMsg.Shutdown.class, s -> restart ? stoppingAfterCurrent(all, rest) : Behaviors.same())
        .onMessage(RootMsg.Restart.class, r -> {
          if (!restart) {
            LOG.warn("ignored SIGHUP indicating restart request (shutdown in progress)");
          }
          return Behaviors.same();
        })
        .onMessage(RootMsg.GetState.class, get -> reply(get, mood))
        .onMessage(RootMsg.GetAllProcessInfo.class, get -> allInfo(all, get))
        .onMessage(RootMsg.ReopenLogs.class, r -> reopen(all))
        .onMessage(RootMsg.Subscribe.class, this::subscribe)
        .build();
  }

  /** A shutdown request while restarting: finish the group being stopped, then stop for good. */
  private Behavior<RootMsg> stoppingAfterCurrent(List<Group> all, List<Group> rest) {
    return Behaviors.receive(RootMsg.class)
        .onMessage(RootMsg.GroupStopped.class, g -> stopping(all, rest, false))
        .onMessage(RootMsg.GetState.class, get -> reply(get, SupervisorState.SHUTDOWN))
        .onMessage(RootMsg.GetAllProcessInfo.class, get -> allInfo(all, get))
        .onMessage(RootMsg.Subscribe.class, this::subscribe)
        .onAnyMessage(m -> Behaviors.same())
        .build();
  }

  private Behavior<RootMsg> afterStop(List<Group> all, boolean restart) {
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
      LOG.error("Error: {}", e.getMessage());
      exitCode.complete(2);
      ctx.getSystem().terminate();
      return Behaviors.empty();
    }
    all.forEach(g -> ctx.stop(g.ref()));
    return start(next);
  }

  private Behavior<RootMsg> reply(RootMsg.GetState get, SupervisorState state) {
    get.replyTo().tell(state);
    return Behaviors.same();
  }

  private Behavior<RootMsg> subscribe(RootMsg.Subscribe s) {
    hub.tell(new EventHub.Subscribe(s.subscriber()));
    return Behaviors.same();
  }

  private Behavior<RootMsg> reopen(List<Group> groups) {
    groups.forEach(g -> g.ref().tell(GroupMsg.ReopenLogs.INSTANCE));
    return Behaviors.same();
  }

  private Behavior<RootMsg> allInfo(List<Group> groups, RootMsg.GetAllProcessInfo get) {
    ActorRef<List<ProcessInfo>> collector = ctx.spawnAnonymous(
        Collector.<List<ProcessInfo>, List<ProcessInfo>>create(groups.size(), INFO_TIMEOUT,
            RootGuardian::flattenSorted, get.replyTo()));
    groups.forEach(g -> g.ref().tell(new GroupMsg.GetInfos(collector)));
    return Behaviors.same();
  }

  /** getAllProcessInfo's order: by group name, then process name, as plain strings. */
  private static List<ProcessInfo> flattenSorted(List<List<ProcessInfo>> perGroup) {
    List<ProcessInfo> all = new ArrayList<>();
    perGroup.forEach(all::addAll);
    all.sort(Comparator.comparing(ProcessInfo::group).thenComparing(ProcessInfo::name));
    return List.copyOf(all);
  }
}
