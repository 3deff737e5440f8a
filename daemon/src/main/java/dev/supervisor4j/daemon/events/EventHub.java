package dev.supervisor4j.daemon.events;

import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.GroupKind;
import dev.supervisor4j.daemon.actor.ActorNames;
import dev.supervisor4j.daemon.process.ProcessEvent;
import dev.supervisor4j.daemon.process.ProcessMsg;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Supervisor's event bus: every {@link SupervisorEvent} told to it goes to the event-listener pools
 * and to the other subscribers (web console, ledger, tests) whose types match it or an ancestor.
 * Publishers never wait for subscribers.
 *
 * <p>The hub also owns the {@link ListenerPool}s (one child per {@code [eventlistener:x]} group,
 * started by {@link GroupAdded}) and the {@link Ticker}. It numbers events as Supervisor does: one
 * global serial, taken only by events that at least one pool accepts, kept across restarts (the
 * hub lives as long as the daemon). Each pool forwards listener stdout and its members' state
 * changes to the pool of that group.
 */
public final class EventHub {
  /** A process's state change, as its actor tells it (see {@link #changesTo}). */
  public record Changed(ProcessEvent change) implements HubMsg {}

  /** What a process actor is given to tell its state changes to this hub. */
  public static Consumer<ProcessEvent> changesTo(ActorRef<HubMsg> hub) {
    return change -> hub.tell(new Changed(change));
  }

  /**
   * A message from a child's output (a {@link ProcessLogEvent}, a {@link ProcessCommEvent}, a
   * {@link ListenerOutput}) holding one credit of its pipe, given back once the hub has passed it
   * on. See {@link #paced}.
   */
  public record Paced(HubMsg message, Semaphore credits) implements HubMsg {}

  /** Chunks of one pipe that may wait in the hub's mailbox at once. */
  public static final int PIPE_CREDITS = 16;
  /** How long a pipe waits for a credit before it sends anyway (the hub is stopping or stuck). */
  static final long CREDIT_WAIT_MILLIS = 1000;

  /**
   * What one pipe's output sink tells the hub through: a flooding child with events enabled waits
   * (its writer thread, then its full pipe) while {@link #PIPE_CREDITS} of its messages are still in
   * the hub's mailbox, instead of growing the mailbox without bound. If the hub takes no message
   * for {@link #CREDIT_WAIT_MILLIS}, the message is sent without a credit: output never stops
   * for good behind a hub that is gone.
   */
  public static Consumer<HubMsg> paced(ActorRef<HubMsg> hub) {
    return paced(hub, new Semaphore(PIPE_CREDITS));
  }

  static Consumer<HubMsg> paced(ActorRef<HubMsg> hub, Semaphore credits) {
    return message -> {
      boolean credited;
      try {
        credited = credits.tryAcquire(CREDIT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        credited = false;
      }
      hub.tell(credited ? new Paced(message, credits) : message);
    };
  }

  /** Receive every process state change ({@code PROCESS_STATE_*}) from now on, as the bare {@link ProcessEvent}. */
  public record Subscribe(ActorRef<ProcessEvent> subscriber) implements HubMsg {}

  /**
   * Receive every event whose type is one of {@code types} or below one ({@code EVENT} for all)
   * from now on, until {@link Unsubscribe} or the subscriber stops.
   */
  public record SubscribeTo(Set<EventType> types, ActorRef<SupervisorEvent> subscriber) implements HubMsg {
    public SubscribeTo {
      types = Set.copyOf(types);
    }
  }

  public record Unsubscribe(ActorRef<?> subscriber) implements HubMsg {}

  /**
   * A group was spawned (start-up, reload, addProcessGroup): publishes PROCESS_GROUP_ADDED, after
   * starting the pool of a listener group (which so gets its own ADDED event, as in Supervisor).
   *
   * @param server  {@code [supervisord] identifier}, for the event headers
   * @param members the group's process actors by process name
   */
  public record GroupAdded(GroupConfig group, String server, Map<String, ActorRef<ProcessMsg>> members)
      implements HubMsg {
    public GroupAdded {
      members = Map.copyOf(members);
    }
  }

  /**
   * A group was changed in place (per-process update: some members replaced, others kept): the pool
   * of a listener group takes the new options and members and keeps its buffer and serials. No
   * event (Supervisor's update replaces whole groups; then use {@link GroupGone}, a
   * {@link GroupEvent} REMOVED and {@link GroupAdded}).
   */
  public record GroupUpdated(GroupConfig group, String server, Map<String, ActorRef<ProcessMsg>> members)
      implements HubMsg {
    public GroupUpdated {
      members = Map.copyOf(members);
    }
  }

  /**
   * A group's actors were stopped (removeProcessGroup, or a restart): its pool, if any, goes with
   * its buffer. No event: removeProcessGroup publishes its {@link GroupEvent} itself, a restart none.
   */
  public record GroupGone(String group) implements HubMsg {}

  /** A chunk written by a listener child on its stdout, for the pool of {@code group}. */
  public record ListenerOutput(String group, String process, long pid, byte[] chunk) implements HubMsg {}

  private record Subscription(ActorRef<SupervisorEvent> ref, Set<EventType> types) {}

  private record Pool(ActorRef<PoolMsg> ref, Set<EventType> events) {}

  private final ActorContext<HubMsg> ctx;
  private final List<Subscription> subscribers = new ArrayList<>();
  /** {@link Subscribe}rs: they get the bare {@link ProcessEvent}, not its {@link ProcessStateEvent}. */
  private final List<ActorRef<ProcessEvent>> changeSubscribers = new ArrayList<>();
  private final Map<String, Pool> pools = new LinkedHashMap<>();
  private long serial = -1;
  private long poolsSpawned;

  private EventHub(ActorContext<HubMsg> ctx) {
    this.ctx = ctx;
  }

  public static Behavior<HubMsg> create() {
    return create(Clock.systemUTC());
  }

  /** @param clock the wall clock of the TICK_* events */
  public static Behavior<HubMsg> create(Clock clock) {
    return Behaviors.setup(ctx -> {
      ctx.spawn(Ticker.create(ctx.getSelf().narrow(), clock), "ticker");
      return new EventHub(ctx).behavior();
    });
  }

  private Behavior<HubMsg> behavior() {
    return Behaviors.receive(HubMsg.class)
        .onMessage(Changed.class, c -> onProcessEvent(c.change()))
        .onMessage(SupervisorEvent.class, this::publish)
        .onMessage(ListenerOutput.class, this::onListenerOutput)
        .onMessage(Paced.class, this::onPaced)
        .onMessage(Subscribe.class, s -> subscribeToChanges(s.subscriber()))
        .onMessage(SubscribeTo.class, s -> subscribe(s.subscriber(), s.types()))
        .onMessage(Unsubscribe.class, u -> unsubscribe(u.subscriber()))
        .onMessage(GroupAdded.class, this::onGroupAdded)
        .onMessage(GroupUpdated.class, this::onGroupUpdated)
        .onMessage(GroupGone.class, g -> {
          stopPool(g.group());
          return Behaviors.same();
        })
        .onSignal(Terminated.class, t -> unsubscribe(t.getRef()))
        .build();
  }

  /** A process actor's state change: to its own pool (if a listener), then published as PROCESS_STATE_*. */
  private Behavior<HubMsg> onProcessEvent(ProcessEvent change) {
    Pool own = pools.get(change.group());
    if (own != null) {
      own.ref().tell(new PoolMsg.MemberChanged(change));
    }
    for (ActorRef<ProcessEvent> s : changeSubscribers) {
      s.tell(change);
    }
    return publish(new ProcessStateEvent(change));
  }

  private Behavior<HubMsg> publish(SupervisorEvent event) {
    EventType type = event.type();
    boolean numbered = false;
    for (Pool p : pools.values()) {
      if (type.matches(p.events())) {
        if (!numbered) {
          serial = serial == Long.MAX_VALUE ? 0 : serial + 1;
          numbered = true;
        }
        p.ref().tell(new PoolMsg.Accept(serial, event));
      }
    }
    for (Subscription s : subscribers) {
      if (type.matches(s.types())) {
        s.ref().tell(event);
      }
    }
    return Behaviors.same();
  }

  private Behavior<HubMsg> onPaced(Paced paced) {
    try {
      if (paced.message() instanceof ListenerOutput out) {
        return onListenerOutput(out);
      }
      if (paced.message() instanceof SupervisorEvent event) {
        return publish(event);
      }
      return Behaviors.same();
    } finally {
      paced.credits().release();
    }
  }

  private Behavior<HubMsg> onListenerOutput(ListenerOutput out) {
    Pool p = pools.get(out.group());
    if (p != null) {
      p.ref().tell(new PoolMsg.Output(out.process(), out.pid(), out.chunk()));
    }
    return Behaviors.same();
  }

  private Behavior<HubMsg> subscribe(ActorRef<SupervisorEvent> ref, Set<EventType> types) {
    subscribers.removeIf(s -> s.ref().equals(ref));
    subscribers.add(new Subscription(ref, Set.copyOf(types)));
    ctx.watch(ref);
    return Behaviors.same();
  }

  private Behavior<HubMsg> subscribeToChanges(ActorRef<ProcessEvent> ref) {
    changeSubscribers.remove(ref);
    changeSubscribers.add(ref);
    ctx.watch(ref);
    return Behaviors.same();
  }

  private Behavior<HubMsg> unsubscribe(ActorRef<?> ref) {
    subscribers.removeIf(s -> s.ref().equals(ref));
    changeSubscribers.remove(ref);
    return Behaviors.same();
  }

  private Behavior<HubMsg> onGroupAdded(GroupAdded added) {
    GroupConfig g = added.group();
    if (g.kind() == GroupKind.EVENT_LISTENER && g.listener() != null) {
      stopPool(g.name());
      spawnPool(g, added.server(), added.members());
    }
    return publish(new GroupEvent(true, g.name()));
  }

  private Behavior<HubMsg> onGroupUpdated(GroupUpdated updated) {
    GroupConfig g = updated.group();
    Pool p = pools.get(g.name());
    if (g.kind() != GroupKind.EVENT_LISTENER || g.listener() == null) {
      stopPool(g.name());
    } else if (p == null) {
      spawnPool(g, updated.server(), updated.members());
    } else {
      p.ref().tell(new PoolMsg.Reconfigure(g, updated.server(), updated.members()));
      pools.put(g.name(), new Pool(p.ref(), EventType.parse(g.listener().events())));
    }
    return Behaviors.same();
  }

  private void spawnPool(GroupConfig g, String server, Map<String, ActorRef<ProcessMsg>> members) {
    ActorRef<PoolMsg> ref = ctx.spawn(ListenerPool.create(g, server, members),
        ActorNames.of("pool" + (++poolsSpawned) + "-", g.name()));
    pools.put(g.name(), new Pool(ref, EventType.parse(g.listener().events())));
  }

  private void stopPool(String group) {
    Pool p = pools.remove(group);
    if (p != null) {
      ctx.stop(p.ref());
    }
  }
}
