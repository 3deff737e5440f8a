package dev.supervisor4j.daemon.ledger;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The newest events of a stream as an immutable list that shares its array with the windows
 * before it: appending to the latest window writes one slot past its end and returns a new view,
 * so a state change allocates nothing but the view (copying the list each time produced most of
 * the ledger's garbage in a crash loop). Older windows, still held by a query, never see the
 * slot: it lies outside their range.
 *
 * <p>Only one writer appends (the stream's event handler); a window that is not the newest
 * (someone appended after it) copies before appending, so misuse costs a copy, not correctness.
 */
final class EventWindow extends AbstractList<LedgerEvent> implements RandomAccess {
  private static final EventWindow EMPTY = new EventWindow(new Shared(new LedgerEvent[0]), 0, 0);

  /** The array and how far it has been written. */
  private static final class Shared {
    final LedgerEvent[] slots;
    int written;

    Shared(LedgerEvent[] slots) {
      this.slots = slots;
    }
  }

  private final Shared shared;
  private final int start;
  private final int end;

  private EventWindow(Shared shared, int start, int end) {
    this.shared = shared;
    this.start = start;
    this.end = end;
  }

  static EventWindow empty() {
    return EMPTY;
  }

  /** A window over a copy of {@code events} (a list read back from a snapshot, say). */
  static EventWindow of(List<LedgerEvent> events) {
    if (events instanceof EventWindow w) {
      return w;
    }
    if (events.isEmpty()) {
      return EMPTY;
    }
    LedgerEvent[] slots = events.toArray(new LedgerEvent[0]);
    Shared shared = new Shared(slots);
    shared.written = slots.length;
    return new EventWindow(shared, 0, slots.length);
  }

  /** This window with {@code e} appended, keeping only the newest {@code max}. */
  EventWindow append(LedgerEvent e, int max) {
    int size = end - start;
    int keep = Math.min(size, max - 1);
    synchronized (shared) {
      if (shared.written == end && end < shared.slots.length) {
        shared.slots[end] = e;
        shared.written = end + 1;
        return new EventWindow(shared, end - keep, end + 1);
      }
    }
    // No room, or not the newest window: a new array with room for max more appends.
    LedgerEvent[] slots = new LedgerEvent[Math.max(16, 2 * max)];
    System.arraycopy(shared.slots, end - keep, slots, 0, keep);
    slots[keep] = e;
    Shared fresh = new Shared(slots);
    fresh.written = keep + 1;
    return new EventWindow(fresh, 0, keep + 1);
  }

  /** The events from index {@code from} on (a trim). */
  EventWindow from(int from) {
    return from <= 0 ? this : new EventWindow(shared, start + Math.min(from, end - start), end);
  }

  @Override
  public LedgerEvent get(int index) {
    if (index < 0 || index >= end - start) {
      throw new IndexOutOfBoundsException(index);
    }
    return shared.slots[start + index];
  }

  @Override
  public int size() {
    return end - start;
  }
}
