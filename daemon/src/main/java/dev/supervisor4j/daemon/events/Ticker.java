package dev.supervisor4j.daemon.events;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * TICK_5, TICK_60 and TICK_3600: one timer, set for the next multiple of 5 s of the wall clock
 * (every period boundary is one). When it fires, each period whose slice changed since the last
 * look gets one event whose {@code when} is the start of the new slice, as Supervisor's loop
 * computes it; the first look only records the slices, so there are none at start-up.
 */
public final class Ticker {
  static final int[] PERIODS = {5, 60, 3600};

  private Ticker() {}

  private enum Check { INSTANCE }

  /** @param target where the ticks go (the hub) */
  public static Behavior<Object> create(ActorRef<? super TickEvent> target, Clock clock) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      Map<Integer, Long> last = new HashMap<>();
      long now = clock.millis();
      for (int p : PERIODS) {
        last.put(p, slice(p, now));
      }
      timers.startSingleTimer(Check.INSTANCE, Check.INSTANCE, untilNext(now));
      return Behaviors.receive(Object.class)
          .onMessageEquals(Check.INSTANCE, () -> {
            long at = clock.millis();
            for (int p : PERIODS) {
              long slice = slice(p, at);
              if (slice != last.get(p)) {
                last.put(p, slice);
                target.tell(new TickEvent(p, slice));
              }
            }
            timers.startSingleTimer(Check.INSTANCE, Check.INSTANCE, untilNext(at));
            return Behaviors.same();
          })
          .build();
    }));
  }

  /** Supervisor's {@code timeslice}: the start, in epoch seconds, of the period holding {@code millis}. */
  static long slice(int period, long millis) {
    long seconds = Math.floorDiv(millis, 1000);
    return seconds - Math.floorMod(seconds, period);
  }

  /** Until the next 5-second boundary (at least 1 ms: a timer that fired early looks again soon). */
  static Duration untilNext(long millis) {
    long next = (slice(5, millis) + 5) * 1000;
    return Duration.ofMillis(Math.max(1, next - millis));
  }
}
