package dev.supervisor4j.daemon.events;

import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.daemon.log.MainLog;
import dev.supervisor4j.daemon.process.ProcessEvent;
import dev.supervisor4j.daemon.process.ProcessMsg;
import dev.supervisor4j.protocol.ProcessState;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;

/**
 * One {@code [eventlistener:x]} pool: a buffer of at most {@code buffer_size} events and the
 * listener processes that take them, one at a time each (spec §5.3). An event goes to the first
 * listener, in config order, whose process is RUNNING and who said READY; FAIL (or any body but
 * OK), a broken result line or the listener's death puts it back at the head with the same serials;
 * a full buffer drops its oldest event with Supervisor's ERROR line.
 *
 * <p>Supervisor dispatches from its poll loop; we dispatch whenever something changes (an event
 * arrives, a listener says READY, a listener reaches RUNNING), so nothing waits for a loop pass.
 *
 * <p>The listener's protocol state is kept per child (by pid): its stdout arrives from its pump
 * thread and its state changes from its process actor, by two paths that may overtake each other,
 * so a new child's READY may come before the news that the old one exited.
 */
public final class ListenerPool {
  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
  /** Pids of ended children whose late output is ignored; a few suffice. */
  private static final int RETIRED_KEPT = 16;

  /** An event in the buffer, with the serials it keeps when it is re-sent. */
  private record Queued(long serial, long poolSerial, SupervisorEvent event) {}

  /** One listener process of the pool. */
  private static final class Listener {
    final String name;
    ProcessState processState = ProcessState.STOPPED;
    long runningPid;
    long protocolPid;
    ListenerProtocol protocol;
    Queued inFlight;
    long inFlightPid;
    final Set<Long> retired = new LinkedHashSet<>();

    Listener(String name) {
      this.name = name;
    }

    boolean canTake() {
      return processState == ProcessState.RUNNING && protocol != null && protocolPid == runningPid
          && protocol.state() == ListenerState.READY;
    }

    void retire(long pid) {
      retired.add(pid);
      if (retired.size() > RETIRED_KEPT) {
        retired.remove(retired.iterator().next());
      }
    }
  }

  private final ActorContext<PoolMsg> ctx;
  private final String pool;
  private String server;
  private int bufferSize;
  private Map<String, ActorRef<ProcessMsg>> members;
  private Map<String, Listener> listeners = new LinkedHashMap<>();
  private final Deque<Queued> buffer = new ArrayDeque<>();
  private long poolSerial = -1;

  private ListenerPool(ActorContext<PoolMsg> ctx, GroupConfig group, String server,
      Map<String, ActorRef<ProcessMsg>> members) {
    this.ctx = ctx;
    this.pool = group.name();
    this.server = server;
    this.bufferSize = group.listener().bufferSize();
    this.members = Map.copyOf(members);
    for (ProgramConfig p : group.processes()) {
      listeners.put(p.name(), new Listener(p.name()));
    }
  }

  /**
   * @param group   the {@code [eventlistener:x]} group
   * @param server  {@code [supervisord] identifier}, the {@code server:} of each header
   * @param members the listener processes' actors, by process name (events are written through them)
   */
  static Behavior<PoolMsg> create(GroupConfig group, String server, Map<String, ActorRef<ProcessMsg>> members) {
    return Behaviors.setup(ctx -> new ListenerPool(ctx, group, server, members).behavior());
  }

  private Behavior<PoolMsg> behavior() {
    return Behaviors.receive(PoolMsg.class)
        .onMessage(PoolMsg.Accept.class, this::onAccept)
        .onMessage(PoolMsg.MemberChanged.class, m -> onMemberChanged(m.change()))
        .onMessage(PoolMsg.Output.class, this::onOutput)
        .onMessage(PoolMsg.Written.class, this::onWritten)
        .onMessage(PoolMsg.Reconfigure.class, this::onReconfigure)
        .build();
  }

  private Behavior<PoolMsg> onReconfigure(PoolMsg.Reconfigure r) {
    server = r.server();
    bufferSize = r.group().listener().bufferSize();
    members = Map.copyOf(r.members());
    Map<String, Listener> next = new LinkedHashMap<>();
    for (ProgramConfig p : r.group().processes()) {
      Listener kept = listeners.remove(p.name());
      next.put(p.name(), kept != null ? kept : new Listener(p.name()));
    }
    listeners.values().forEach(this::requeue); // listeners that left: their events are not lost
    listeners = next;
    dispatch();
    return Behaviors.same();
  }

  private Behavior<PoolMsg> onAccept(PoolMsg.Accept accept) {
    poolSerial = poolSerial == Long.MAX_VALUE ? 0 : poolSerial + 1;
    enqueue(new Queued(accept.serial(), poolSerial, accept.event()), false);
    dispatch();
    return Behaviors.same();
  }

  /** Supervisor's {@code _acceptEvent}: a full buffer loses its oldest event first, even for a re-send. */
  private void enqueue(Queued q, boolean head) {
    if (head) {
      MainLog.LOG.debug("rebuffering event {} for pool {} (buf size={}, max={})", q.serial(), pool,
          buffer.size(), bufferSize);
    }
    if (buffer.size() >= bufferSize && !buffer.isEmpty()) {
      Queued dropped = buffer.pollFirst();
      MainLog.error("pool " + pool + " event buffer overflowed, discarding event " + dropped.serial());
    }
    if (head) {
      buffer.addFirst(q);
    } else {
      buffer.addLast(q);
    }
  }

  /** Hands events from the head of the buffer to ready listeners while there are both. */
  private void dispatch() {
    while (!buffer.isEmpty()) {
      Listener to = listeners.values().stream().filter(Listener::canTake).findFirst().orElse(null);
      if (to == null) {
        return;
      }
      Queued q = buffer.pollFirst();
      send(to, q);
    }
  }

  private void send(Listener to, Queued q) {
    byte[] envelope = EventPayloads.envelope(server, q.serial(), pool, q.poolSerial(), q.event());
    to.protocol.sent();
    to.inFlight = q;
    to.inFlightPid = to.protocolPid;
    long pid = to.protocolPid;
    ctx.ask(StatusReply.class, members.get(to.name), WRITE_TIMEOUT,
        (ActorRef<StatusReply> replyTo) -> new ProcessMsg.WriteStdinOf(pid, envelope, replyTo.unsafeUpcast()),
        (reply, failure) -> new PoolMsg.Written(to.name, pid, q.serial(), reply != null && reply.isSuccess()));
    MainLog.LOG.debug("event {} sent to listener {}", q.serial(), to.name);
  }

  private Behavior<PoolMsg> onMemberChanged(ProcessEvent change) {
    Listener l = listeners.get(change.process());
    if (l == null) {
      return Behaviors.same();
    }
    l.processState = change.to();
    if (change.to() == ProcessState.RUNNING) {
      l.runningPid = change.pid();
    }
    if (change.to() == ProcessState.EXITED || change.to() == ProcessState.STOPPED) {
      // The child is gone: an event it had not answered is sent again (Supervisor: on reaping).
      l.retire(change.pid());
      if (l.protocolPid == change.pid()) {
        l.protocol = null;
      }
      if (l.inFlight != null && l.inFlightPid == change.pid()) {
        Queued q = l.inFlight;
        l.inFlight = null;
        enqueue(q, true);
      }
    }
    dispatch();
    return Behaviors.same();
  }

  private Behavior<PoolMsg> onOutput(PoolMsg.Output out) {
    Listener l = listeners.get(out.process());
    if (l == null || l.retired.contains(out.pid())) {
      return Behaviors.same();
    }
    if (l.protocol == null || l.protocolPid != out.pid()) {
      l.protocol = new ListenerProtocol(l.name); // a new child starts ACKNOWLEDGED
      l.protocolPid = out.pid();
    }
    for (ListenerProtocol.Outcome o : l.protocol.feed(out.chunk())) {
      if (o instanceof ListenerProtocol.Result r && !r.accepted() || o instanceof ListenerProtocol.Broken) {
        requeue(l);
      } else if (o instanceof ListenerProtocol.Result) {
        l.inFlight = null;
      }
    }
    dispatch();
    return Behaviors.same();
  }

  /** The event in flight goes back to the head of this pool's buffer (only this pool's, unlike Supervisor). */
  private void requeue(Listener l) {
    if (l.inFlight != null) {
      Queued q = l.inFlight;
      l.inFlight = null;
      enqueue(q, true);
    }
  }

  private Behavior<PoolMsg> onWritten(PoolMsg.Written w) {
    Listener l = listeners.get(w.process());
    if (w.ok() || l == null || l.inFlight == null || l.inFlightPid != w.pid() || l.inFlight.serial() != w.serial()) {
      return Behaviors.same();
    }
    // The child is gone or closed its stdin: the event is not lost, and this child gets no more
    // (it stays BUSY) until it is replaced.
    MainLog.LOG.debug("epipe occurred while sending event {} to listener {}", w.serial(), w.process());
    requeue(l);
    dispatch();
    return Behaviors.same();
  }
}
