package dev.supervisor4j.daemon.group;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** supervisord's array order for group and "all" methods, on its own. */
class ResultOrderTest {
  private static Outcome o(String name, int groupPriority, int groupIndex, int priority, int index, boolean atOnce,
      long finished) {
    return new Outcome(groupPriority, groupIndex, priority, index, ProcessResult.ok(name, "g"), atOnce, finished);
  }

  private static List<String> names(List<ProcessResult> results) {
    return results.stream().map(ProcessResult::name).toList();
  }

  @Test
  void atOnceEntriesComeFirstByGroupPriorityThenProcessPriorityThenPlace() {
    assertEquals(List.of("g1a", "g1b", "g2a", "tie1", "tie2"), names(ResultOrder.arrange(List.of(
        o("g2a", 20, 1, 1, 0, true, 1),
        o("tie2", 30, 3, 5, 0, true, 2),
        o("g1b", 10, 0, 2, 0, true, 3),
        o("tie1", 30, 2, 5, 1, true, 4),
        o("g1a", 10, 0, 1, 1, true, 5)))));
  }

  @Test
  void waitedForEntriesFollowInTheOrderTheyFinished() {
    assertEquals(List.of("failedAtOnce", "slowLast", "first", "second"), names(ResultOrder.arrange(List.of(
        o("first", 10, 0, 9, 2, false, 7),
        o("slowLast", 10, 0, 3, 0, true, 9),
        o("second", 10, 0, 1, 3, false, 8),
        o("failedAtOnce", 5, 0, 1, 1, true, 10)))));
  }

  @Test
  void nothingToReportIsAnEmptyArray() {
    assertEquals(List.of(), ResultOrder.arrange(List.of()));
  }

  @Test
  void faultsKeepTheirPlaceLikeSuccesses() {
    Outcome bad = new Outcome(1, 0, 1, 0, new ProcessResult("x", "g", Fault.SPAWN_ERROR, "SPAWN_ERROR: x"), false, 3);
    assertEquals(List.of("y", "x"), names(ResultOrder.arrange(List.of(bad, o("y", 1, 0, 2, 1, false, 2)))));
  }
}
