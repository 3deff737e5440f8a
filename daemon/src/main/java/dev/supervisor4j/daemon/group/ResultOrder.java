package dev.supervisor4j.daemon.group;

import dev.supervisor4j.protocol.ProcessResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * supervisord's order of a group or "all" result array: first the entries decided at once, in
 * (group priority, process priority) order, then the waited-for ones in the order they finished.
 */
public final class ResultOrder {
  private static final Comparator<Outcome> MEMBER_ORDER = Comparator.comparingInt(Outcome::groupPriority)
      .thenComparingInt(Outcome::processPriority)
      .thenComparingInt(Outcome::groupIndex)
      .thenComparingInt(Outcome::memberIndex);

  private ResultOrder() {}

  public static List<ProcessResult> arrange(List<Outcome> outcomes) {
    List<Outcome> atOnce = new ArrayList<>();
    List<Outcome> waited = new ArrayList<>();
    for (Outcome o : outcomes) {
      (o.atOnce() ? atOnce : waited).add(o);
    }
    atOnce.sort(MEMBER_ORDER);
    waited.sort(Comparator.comparingLong(Outcome::finished));
    List<ProcessResult> out = new ArrayList<>(outcomes.size());
    atOnce.forEach(o -> out.add(o.result()));
    waited.forEach(o -> out.add(o.result()));
    return List.copyOf(out);
  }
}
