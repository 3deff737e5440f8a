package dev.supervisor4j.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Lets large request bodies in one front end be read and handled one batch at a time: the bytes of
 * bodies of {@value #LARGE} or more in progress at once stay within the capacity (the body limit),
 * and a large body that does not fit waits, unread, in arrival order. Small bodies never wait, so a
 * long call (a {@code startProcess} waiting out {@code startsecs}) never holds up the API.
 *
 * <p>Why: a body costs about ten times its size in heap while it is decoded, handled and its answer
 * encoded (a 16 MiB multicall of 78,000 calls needed about 160 MiB; a 15 MB one killed a 128 MiB
 * daemon). One at a time, the largest accepted body is what the heap must hold, not a multiple of
 * it. The cost: concurrent large calls are answered one after another.
 */
final class BodyBudget {
  /** Bodies below this size are not counted. */
  static final long LARGE = 1 << 20;

  private final long capacity;
  private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
  private long used; // guarded by this

  private record Waiter(long bytes, CompletableFuture<Void> ready) {}

  BodyBudget(long capacity) {
    this.capacity = capacity;
  }

  /** Completes when {@code bytes} may be read; pair every call with one {@link #release}. */
  CompletionStage<Void> acquire(long bytes) {
    long counted = counted(bytes);
    synchronized (this) {
      if (counted == 0 || (waiting.isEmpty() && used + counted <= Math.max(capacity, counted))) {
        used += counted;
        return CompletableFuture.completedFuture(null);
      }
      Waiter waiter = new Waiter(counted, new CompletableFuture<>());
      waiting.add(waiter);
      return waiter.ready();
    }
  }

  void release(long bytes) {
    long counted = counted(bytes);
    if (counted == 0) {
      return;
    }
    List<CompletableFuture<Void>> admitted = new ArrayList<>();
    synchronized (this) {
      used -= counted;
      while (!waiting.isEmpty()
          && (used == 0 || used + waiting.peek().bytes() <= capacity)) {
        Waiter next = waiting.poll();
        used += next.bytes();
        admitted.add(next.ready());
      }
    }
    admitted.forEach(ready -> ready.complete(null)); // outside the lock: callers continue here
  }

  synchronized long used() {
    return used;
  }

  private static long counted(long bytes) {
    return bytes >= LARGE ? bytes : 0;
  }
}
