package dev.supervisor4j.daemon.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;
import org.junit.jupiter.api.Test;

/** The spawner's queue: asked-for starts before autorestarts and retries, each kind in order. */
class SpawnQueueTest {
  @Test
  void urgentSpawnsGoFirstAndEachKindKeepsItsOrder() {
    PriorityBlockingQueue<SpawnThread.Queued> queue = new PriorityBlockingQueue<>();
    List<String> ran = new ArrayList<>();
    String[][] queued = {{"retry-1", "false"}, {"autostart-a", "true"}, {"retry-2", "false"},
        {"autostart-b", "true"}, {"retry-3", "false"}, {"operator-start", "true"}};
    long sequence = 0;
    for (String[] q : queued) {
      queue.add(new SpawnThread.Queued(Boolean.parseBoolean(q[1]), ++sequence, () -> ran.add(q[0])));
    }
    while (!queue.isEmpty()) {
      queue.poll().run();
    }
    assertEquals(List.of("autostart-a", "autostart-b", "operator-start", "retry-1", "retry-2", "retry-3"), ran);
  }
}
