package dev.supervisor4j.daemon.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared-array window: appends, the max, and old windows that never change. */
class EventWindowTest {
  private static LedgerEvent e(long t) {
    return new LedgerEvent.DaemonStopping(t, "x");
  }

  private static List<Long> times(List<LedgerEvent> events) {
    List<Long> out = new ArrayList<>();
    events.forEach(x -> out.add(x.epochMillis()));
    return out;
  }

  @Test
  void keepsTheNewestMaxAcrossManyAppends() {
    EventWindow w = EventWindow.empty();
    for (long t = 1; t <= 100; t++) {
      w = w.append(e(t), 5);
    }
    assertEquals(List.of(96L, 97L, 98L, 99L, 100L), times(w));
  }

  @Test
  void anOlderWindowNeverSeesLaterAppends() {
    EventWindow first = EventWindow.empty().append(e(1), 10).append(e(2), 10);
    EventWindow second = first.append(e(3), 10);
    EventWindow branch = first.append(e(4), 10); // not the newest any more: copies
    assertEquals(List.of(1L, 2L), times(first));
    assertEquals(List.of(1L, 2L, 3L), times(second));
    assertEquals(List.of(1L, 2L, 4L), times(branch));
  }

  @Test
  void fromDropsTheOldestAndOfCopiesAPlainList() {
    EventWindow w = EventWindow.of(List.of(e(1), e(2), e(3)));
    assertEquals(List.of(2L, 3L), times(w.from(1)));
    assertEquals(List.of(), times(w.from(5)));
    assertEquals(List.of(1L, 2L, 3L, 4L), times(w.append(e(4), 10)));
  }
}
