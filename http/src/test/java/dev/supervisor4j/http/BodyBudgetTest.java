package dev.supervisor4j.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Large bodies take turns within the capacity; small ones never wait. */
class BodyBudgetTest {
  private static final long MIB = 1 << 20;

  @Test
  void largeBodiesWaitInOrderWhileSmallOnesPass() {
    BodyBudget budget = new BodyBudget(16 * MIB);
    CompletableFuture<Void> first = budget.acquire(10 * MIB).toCompletableFuture();
    CompletableFuture<Void> second = budget.acquire(10 * MIB).toCompletableFuture();
    CompletableFuture<Void> third = budget.acquire(5 * MIB).toCompletableFuture();
    assertTrue(first.isDone());
    assertFalse(second.isDone(), "20 MiB would not fit in 16");
    assertFalse(third.isDone(), "fits, but arrived after a waiting one");
    assertTrue(budget.acquire(1000).toCompletableFuture().isDone(), "small bodies never wait");
    budget.release(1000);
    budget.release(10 * MIB);
    assertTrue(second.isDone());
    assertTrue(third.isDone(), "10 + 5 fit together");
    assertEquals(15 * MIB, budget.used());
    budget.release(10 * MIB);
    budget.release(5 * MIB);
    assertEquals(0, budget.used());
  }
}
