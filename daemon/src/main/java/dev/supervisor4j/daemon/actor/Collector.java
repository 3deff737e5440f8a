package dev.supervisor4j.daemon.actor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A short-lived actor that gathers a known number of replies, hands the finished list to
 * {@code finish}, sends the result on and stops; after {@code timeout} it sends what it has.
 * The aggregator pattern, so that groups and the root never block waiting for members.
 */
public final class Collector {
  private Collector() {}

  private enum TimedOut { INSTANCE }

  @SuppressWarnings("unchecked")
  public static <T, R> Behavior<T> create(int expected, Duration timeout, Function<List<T>, R> finish,
      ActorRef<R> replyTo) {
    if (expected == 0) {
      return Behaviors.setup(ctx -> {
        replyTo.tell(finish.apply(List.of()));
        return Behaviors.stopped();
      });
    }
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      if (timeout != null) {
        timers.startSingleTimer((T) TimedOut.INSTANCE, timeout);
      }
      List<T> got = new ArrayList<>();
      return Behaviors.receive((ctx2, msg) -> {
        if (msg == TimedOut.INSTANCE) {
          replyTo.tell(finish.apply(List.copyOf(got)));
          return Behaviors.stopped();
        }
        got.add(msg);
        if (got.size() == expected) {
          replyTo.tell(finish.apply(List.copyOf(got)));
          return Behaviors.stopped();
        }
        return Behaviors.same();
      });
    }));
  }
}
