package dev.supervisor4j.daemon.events;

import dev.supervisor4j.daemon.process.ProcessEvent;
import java.util.HashSet;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Fans process state changes out to whoever subscribed: event-listener pools, the web console's
 * live stream, the ledger, tests. Publishers never wait for subscribers.
 */
public final class EventHub {
  private EventHub() {}

  /** Receive every process state change from now on. */
  public record Subscribe(ActorRef<ProcessEvent> subscriber) implements HubMsg {}

  public record Unsubscribe(ActorRef<ProcessEvent> subscriber) implements HubMsg {}

  public static Behavior<HubMsg> create() {
    return Behaviors.setup(ctx -> running(new HashSet<>()));
  }

  private static Behavior<HubMsg> running(Set<ActorRef<ProcessEvent>> subscribers) {
    return Behaviors.receive(HubMsg.class)
        .onMessage(Subscribe.class, s -> {
          Set<ActorRef<ProcessEvent>> next = new HashSet<>(subscribers);
          next.add(s.subscriber());
          return Behaviors.setup(ctx -> {
            ctx.watch(s.subscriber());
            return running(next);
          });
        })
        .onMessage(Unsubscribe.class, u -> {
          Set<ActorRef<ProcessEvent>> next = new HashSet<>(subscribers);
          next.remove(u.subscriber());
          return running(next);
        })
        .onMessage(ProcessEvent.class, e -> {
          subscribers.forEach(s -> s.tell(e));
          return Behaviors.same();
        })
        .onSignal(Terminated.class, t -> {
          Set<ActorRef<ProcessEvent>> next = new HashSet<>(subscribers);
          next.removeIf(s -> s.equals(t.getRef()));
          return running(next);
        })
        .build();
  }
}
