package dev.supervisor4j.daemon.group;

import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.daemon.process.ProcessMsg;
import dev.supervisor4j.protocol.ProcessInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;

/**
 * One process group: owns a ProcessActor per member and does what is group-wide (autostart in start
 * order, the shutdown stop, info for all members).
 */
public final class GroupActor {
  private static final Duration INFO_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration SPAWN_TIMEOUT = Duration.ofSeconds(30);

  private final ActorContext<GroupMsg> ctx;
  private final GroupConfig config;
  private final Map<String, ActorRef<ProcessMsg>> members;
  /** Members the current autostart leaves stopped (remember_stopped). */
  private java.util.Set<String> keepStopped = java.util.Set.of();

  private GroupActor(ActorContext<GroupMsg> ctx, GroupConfig config, Map<String, ActorRef<ProcessMsg>> members) {
    this.ctx = ctx;
    this.config = config;
    this.members = members;
  }

  /**
   * @param members the ProcessActor of each member, by process name (the root spawns them, so that
   *                it can address every process directly)
   */
  public static Behavior<GroupMsg> create(GroupConfig config, Map<String, ActorRef<ProcessMsg>> members) {
    return Behaviors.setup(ctx -> new GroupActor(ctx, config, new LinkedHashMap<>(members)).behavior());
  }

  /** Actor names allow only some characters; process names allow more. */
  public static String actorName(String prefix, String name) {
    return prefix + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("*", "%2A");
  }

  private Behavior<GroupMsg> behavior() {
    return Behaviors.receive(GroupMsg.class)
        .onMessage(GroupMsg.Autostart.class, a -> {
          keepStopped = a.keepStopped();
          return autostartFrom(0, null, a.replyTo());
        })
        .onMessage(GroupMsg.AutostartOnly.class, a -> autostartFrom(0, a.names(), a.replyTo()))
        .onMessage(GroupMsg.AutostartNext.class, a -> autostartFrom(a.index(), a.only(), a.replyTo()))
        .onMessage(GroupMsg.StopAll.class, this::onStopAll)
        .onMessage(GroupMsg.GetInfos.class, this::onGetInfos)
        .onMessage(GroupMsg.ReopenLogs.class, r -> {
          ActorRef<StatusReply<Done>> ignore = ctx.getSystem().ignoreRef();
          members.values().forEach(m -> m.tell(new ProcessMsg.ReopenLogs(false, ignore)));
          return Behaviors.same();
        })
        .build();
  }

  /** @param only the members to consider, or null for all */
  private Behavior<GroupMsg> autostartFrom(int index, Set<String> only, ActorRef<Done> replyTo) {
    List<ProgramConfig> programs = config.processes();
    int i = index;
    while (i < programs.size() && !(programs.get(i).autostart() && startable(programs.get(i))
        && (only == null || only.contains(programs.get(i).name())))) {
      i++;
    }
    if (i == programs.size()) {
      replyTo.tell(Done.getInstance());
      return Behaviors.same();
    }
    int next = i + 1;
    // The reply (spawned, or failed at once) comes right after the fork: no waiting for RUNNING.
    ctx.ask(StatusReply.class, members.get(programs.get(i).name()), SPAWN_TIMEOUT,
        ref -> new ProcessMsg.Start(false, false, ref.unsafeUpcast()),
        (reply, failure) -> new GroupMsg.AutostartNext(next, only, replyTo));
    return Behaviors.same();
  }

  private boolean startable(ProgramConfig p) {
    if (!keepStopped.contains(config.name() + ":" + p.name())) {
      return true;
    }
    dev.supervisor4j.daemon.log.MainLog.info("not starting " + p.name()
        + ": an operator stopped it before the restart (remember_stopped)");
    return false;
  }

  private Behavior<GroupMsg> onStopAll(GroupMsg.StopAll stop) {
    ActorRef<StatusReply<Done>> collector = ctx.spawnAnonymous(Collector.<StatusReply<Done>, Done>create(
        members.size(), null, all -> Done.getInstance(), stop.replyTo()));
    // supervisord stops a group's members in descending priority, all in the same pass.
    List<ProgramConfig> order = new ArrayList<>(config.processes());
    order.sort(Comparator.comparingInt(ProgramConfig::priority).reversed());
    for (ProgramConfig p : order) {
      members.get(p.name()).tell(new ProcessMsg.StopForShutdown(collector));
    }
    return Behaviors.same();
  }

  private Behavior<GroupMsg> onGetInfos(GroupMsg.GetInfos get) {
    List<String> order = new ArrayList<>(members.keySet());
    ActorRef<ProcessInfo> collector = ctx.spawnAnonymous(Collector.<ProcessInfo, List<ProcessInfo>>create(
        members.size(), INFO_TIMEOUT, infos -> sortLike(order, infos), get.replyTo()));
    members.values().forEach(m -> m.tell(new ProcessMsg.GetInfo(collector)));
    return Behaviors.same();
  }

  private static List<ProcessInfo> sortLike(List<String> order, List<ProcessInfo> infos) {
    List<ProcessInfo> sorted = new ArrayList<>(infos);
    sorted.sort(Comparator.comparingInt(i -> order.indexOf(i.name())));
    return sorted;
  }
}
