package dev.supervisor4j.daemon.group;

import dev.supervisor4j.daemon.actor.ActorNames;
import dev.supervisor4j.daemon.actor.Collector;
import dev.supervisor4j.daemon.board.ProcessStatus;
import dev.supervisor4j.daemon.board.StatusBoard;
import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.events.HubMsg;
import dev.supervisor4j.daemon.log.MainLog;
import dev.supervisor4j.daemon.process.Generation;
import dev.supervisor4j.daemon.process.ProcessMsg;
import dev.supervisor4j.daemon.spawn.SharedSocket;
import dev.supervisor4j.daemon.spawn.SpawnException;
import dev.supervisor4j.protocol.Failures;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.SupervisorFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;

/**
 * One process group: it makes and supervises a ProcessActor per member and does everything
 * group-wide: autostart in start order, the shutdown stop, the group methods (start, stop, signal,
 * clear of every member at once, the result array in supervisord's order), requests for one member,
 * and the per-process update (keep, replace, add, drop).
 *
 * <p>An {@code [fcgi-program:x]} group also owns its listening socket ({@link SharedSocket}): checked
 * when the group is made (Supervisor's make_group), shared by every member as fd 0, counted by the
 * children that hold it, closed when the group stops, and made anew when an update replaces the group.
 */
public final class GroupActor {
  private static final Duration SPAWN_TIMEOUT = Duration.ofSeconds(30);

  /** What every group of one run of the tree shares. */
  public record Context(ProcessFactory factory, ActorRef<HubMsg> hub, StatusBoard board, Generation generation) {}

  private final ActorContext<GroupMsg> ctx;
  private final Context env;
  private GroupConfig config;
  private SupervisordConfig source;
  /** The members, in the config's order. */
  private final Map<String, ActorRef<ProcessMsg>> members = new LinkedHashMap<>();
  /** Makes actor names unique: a replaced member's actor may still be stopping. */
  private long made;
  private long requests;
  private final Map<Long, Pending> pending = new HashMap<>();
  private boolean updating;
  /** The FastCGI socket of an {@code [fcgi-program:x]} group, else null. */
  private SharedSocket socket;

  /** A group method waiting for its members' outcomes. */
  private static final class Pending {
    final int expected;
    final List<Outcome> outcomes = new ArrayList<>();
    int got;
    final Consumer<List<Outcome>> finish;

    Pending(int expected, Consumer<List<Outcome>> finish) {
      this.expected = expected;
      this.finish = finish;
    }
  }

  private GroupActor(ActorContext<GroupMsg> ctx, Context env, GroupConfig config, SupervisordConfig source) {
    this.ctx = ctx;
    this.env = env;
    this.config = config;
    this.source = source;
  }

  /**
   * Makes the members (on the board at once, STOPPED) and tells {@code ready}; starts nothing.
   *
   * @param source the config {@code config} comes from (its daemon-wide settings reach the processes)
   */
  public static Behavior<GroupMsg.Command> create(GroupConfig config, SupervisordConfig source, Context env,
      ActorRef<GroupMsg.Ready> ready) {
    return Behaviors.<GroupMsg>setup(ctx -> {
      GroupActor group = new GroupActor(ctx, env, config, source);
      group.socket = socketFor(config);
      config.processes().forEach(group::make);
      ready.tell(group.ready(group.members.keySet()));
      return group.behavior();
    }).narrow();
  }

  private void make(ProgramConfig p) {
    members.put(p.name(), ctx.spawn(
        env.factory().create(source, config, p, env.hub(), env.generation(), env.board(), socket),
        ActorNames.of("p" + (++made) + "-", p.name())));
  }

  /**
   * An fcgi group's socket, made and closed once at once as Supervisor does when it makes the group,
   * so that a socket that cannot be bound is reported now. Supervisor then refuses the group (exit at
   * start-up, HTTP 500 for addProcessGroup); we log the error and keep the group, whose spawns then
   * fail with the same text as their spawnerr.
   */
  private static SharedSocket socketFor(GroupConfig config) {
    if (config.fcgiSocket() == null) {
      return null;
    }
    SharedSocket made = SharedSocket.of(config.fcgiSocket(), MainLog::info);
    try {
      made.probe();
    } catch (SpawnException e) {
      MainLog.error(e.getMessage());
    }
    return made;
  }

  private GroupMsg.Ready ready(Set<String> fresh) {
    return new GroupMsg.Ready(config.name(), ctx.getSelf().narrow(), members, fresh);
  }

  private Behavior<GroupMsg> behavior() {
    return Behaviors.receive(GroupMsg.class)
        .onMessage(GroupMsg.Autostart.class, a -> autostartFrom(0, a))
        .onMessage(GroupMsg.AutostartNext.class, a -> autostartFrom(a.index(), a.request()))
        .onMessage(GroupMsg.StopAll.class, this::onStopAll)
        .onMessage(GroupMsg.ToMember.class, this::onToMember)
        .onMessage(GroupMsg.Run.class, r -> run(r.op(), 0,
            outcomes -> r.replyTo().tell(StatusReply.success(ResultOrder.arrange(outcomes)))))
        .onMessage(GroupMsg.RunPart.class, r -> run(r.op(), r.groupIndex(), r.replyTo()::tell))
        .onMessage(GroupMsg.MemberDone.class, this::onMemberDone)
        .onMessage(GroupMsg.Update.class, this::onUpdate)
        .onMessage(GroupMsg.RetiredStopped.class, this::onRetiredStopped)
        .onMessage(GroupMsg.ReopenLogs.class, r -> {
          ActorRef<StatusReply<Done>> ignore = ctx.getSystem().ignoreRef();
          members.values().forEach(m -> m.tell(new ProcessMsg.ReopenLogs(false, ignore)));
          return Behaviors.same();
        })
        .onSignal(PostStop.class, stop -> {
          if (socket != null) {
            socket.close(); // the group is gone (its children are too): nothing holds the socket
          }
          return Behaviors.same();
        })
        .build();
  }

  // ---- autostart and the shutdown stop -------------------------------------------------------

  private Behavior<GroupMsg> autostartFrom(int index, GroupMsg.Autostart request) {
    List<ProgramConfig> programs = config.processes();
    int i = index;
    while (i < programs.size() && !startsAutomatically(programs.get(i), request)) {
      i++;
    }
    if (i == programs.size()) {
      request.replyTo().tell(Done.getInstance());
      return Behaviors.same();
    }
    int next = i + 1;
    // The reply (spawned, or failed at once) comes right after the fork: no waiting for RUNNING.
    ctx.ask(StatusReply.class, members.get(programs.get(i).name()), SPAWN_TIMEOUT,
        ref -> new ProcessMsg.Start(false, false, ref.unsafeUpcast()),
        (reply, failure) -> new GroupMsg.AutostartNext(next, request));
    return Behaviors.same();
  }

  private boolean startsAutomatically(ProgramConfig p, GroupMsg.Autostart request) {
    if (!p.autostart() || (request.only() != null && !request.only().contains(p.name()))) {
      return false;
    }
    if (request.keepStopped().contains(config.name() + ":" + p.name())) {
      MainLog.info("not starting " + p.name() + ": an operator stopped it before the restart (remember_stopped)");
      return false;
    }
    return true;
  }

  private Behavior<GroupMsg> onStopAll(GroupMsg.StopAll stop) {
    stopMembers(config.processes().stream().map(ProgramConfig::name).toList(), stop.replyTo());
    return Behaviors.same();
  }

  /** supervisord stops a group's members in descending priority, all in the same pass. */
  private void stopMembers(List<String> names, ActorRef<Done> whenStopped) {
    ActorRef<StatusReply<Done>> collector = ctx.spawnAnonymous(Collector.<StatusReply<Done>, Done>create(
        names.size(), null, all -> Done.getInstance(), whenStopped));
    List<ProgramConfig> order = new ArrayList<>(config.processes());
    order.removeIf(p -> !names.contains(p.name()));
    order.sort(Comparator.comparingInt(ProgramConfig::priority).reversed());
    order.forEach(p -> members.get(p.name()).tell(new ProcessMsg.StopForShutdown(collector)));
  }

  // ---- one member, and every member at once --------------------------------------------------

  private Behavior<GroupMsg> onToMember(GroupMsg.ToMember m) {
    ActorRef<ProcessMsg> member = members.get(m.process());
    if (member == null) {
      m.refuse(new SupervisorFault(Fault.BAD_NAME, m.raw()));
    } else {
      member.tell(m.request());
    }
    return Behaviors.same();
  }

  /** Asks every member at once; {@code finish} gets the outcomes once all are in. */
  private Behavior<GroupMsg> run(GroupOp op, int groupIndex, Consumer<List<Outcome>> finish) {
    long id = ++requests;
    List<ProgramConfig> programs = config.processes();
    Pending p = new Pending(programs.size(), finish);
    pending.put(id, p);
    for (int i = 0; i < programs.size(); i++) {
      ProgramConfig program = programs.get(i);
      int index = i;
      if (op instanceof GroupOp.SendSignal s && s.signal().isEmpty()) {
        // A bad signal: one BAD_SIGNAL entry per member that could have been signalled.
        ProcessState state = env.board().status(config.name(), program.name())
            .map(ProcessStatus::state).orElse(ProcessState.STOPPED);
        Throwable error = ProcessState.SIGNALLABLE_STATES.contains(state)
            ? new SupervisorFault(Fault.BAD_SIGNAL, s.name()) : new SupervisorFault(Fault.NOT_RUNNING);
        ctx.getSelf().tell(new GroupMsg.MemberDone(id, outcome(op, groupIndex, program, index, error)));
        continue;
      }
      ctx.askWithStatus(Done.class, members.get(program.name()), op.timeout(), op::request,
          (done, error) -> new GroupMsg.MemberDone(id, outcome(op, groupIndex, program, index, error)));
    }
    if (programs.isEmpty()) {
      pending.remove(id);
      finish.accept(List.of());
    }
    return Behaviors.same();
  }

  /** A member's entry, or null when its outcome leaves it out. */
  private Outcome outcome(GroupOp op, int groupIndex, ProgramConfig program, int index, Throwable error) {
    ProcessResult result;
    if (error == null) {
      result = ProcessResult.ok(program.name(), config.name());
    } else {
      SupervisorFault fault = faultOf(error);
      if (fault.fault() == op.skipped()) {
        return null;
      }
      result = new ProcessResult(program.name(), config.name(), fault.fault(), fault.getMessage());
    }
    return new Outcome(config.priority(), groupIndex, program.priority(), index, result,
        op.atOnce(result.status()), Outcome.next());
  }

  static SupervisorFault faultOf(Throwable error) {
    Throwable t = Failures.unwrap(error);
    if (t instanceof SupervisorFault fault) {
      return fault;
    }
    return new SupervisorFault(Fault.FAILED, t.getClass().getName() + ":" + t.getMessage());
  }

  private Behavior<GroupMsg> onMemberDone(GroupMsg.MemberDone done) {
    Pending p = pending.get(done.request());
    if (p == null) {
      return Behaviors.same();
    }
    if (done.outcome() != null) {
      p.outcomes.add(done.outcome());
    }
    if (++p.got == p.expected) {
      pending.remove(done.request());
      p.finish.accept(List.copyOf(p.outcomes));
    }
    return Behaviors.same();
  }

  // ---- update ---------------------------------------------------------------------------------

  /** Stops the retiring members (all at once, as a group stop does), then swaps them. */
  private Behavior<GroupMsg> onUpdate(GroupMsg.Update u) {
    if (updating) {
      u.refuse(new SupervisorFault(Fault.FAILED, config.name() + " is being updated"));
      return Behaviors.same();
    }
    updating = true;
    GroupUpdate plan = GroupUpdate.plan(config, source.daemon(), u.next(), u.source().daemon());
    GroupMsg.RetiredStopped stopped = new GroupMsg.RetiredStopped(plan, u.source(), u.replyTo());
    if (plan.retired().isEmpty()) {
      return onRetiredStopped(stopped);
    }
    ActorRef<Done> whenStopped = ctx.messageAdapter(Done.class, d -> stopped);
    stopMembers(plan.retired(), whenStopped);
    return Behaviors.same();
  }

  private Behavior<GroupMsg> onRetiredStopped(GroupMsg.RetiredStopped stopped) {
    GroupUpdate plan = stopped.plan();
    for (String name : plan.retired()) {
      ctx.stop(members.remove(name));
      env.board().remove(config.name(), name);
    }
    Map<String, ActorRef<ProcessMsg>> kept = new LinkedHashMap<>(members);
    members.clear();
    config = plan.next();
    source = stopped.source();
    if (socket != null || config.fcgiSocket() != null) {
      // An fcgi group is replaced whole (every member retired above): a new socket for the new config.
      if (socket != null) {
        socket.close();
      }
      socket = socketFor(config);
    }
    for (ProgramConfig p : config.processes()) {
      if (kept.containsKey(p.name())) {
        members.put(p.name(), kept.get(p.name()));
      } else {
        make(p);
      }
    }
    updating = false;
    Set<String> fresh = new HashSet<>();
    plan.fresh().forEach(p -> fresh.add(p.name()));
    stopped.replyTo().tell(StatusReply.success(ready(fresh)));
    return Behaviors.same();
  }
}
