package dev.supervisor4j.daemon.group;

import dev.supervisor4j.protocol.ProcessResult;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One member's entry in a group or "all" result array, with what orders it there.
 *
 * @param groupPriority   the group's {@code priority}
 * @param groupIndex      the group's place among the active groups (ties of priority)
 * @param processPriority the member's {@code priority}
 * @param memberIndex     the member's place in its group's config (ties of priority)
 * @param result          the entry
 * @param atOnce          decided without waiting (such entries come first, in member order)
 * @param finished        when it was decided, as a daemon-wide sequence number
 */
public record Outcome(int groupPriority, int groupIndex, int processPriority, int memberIndex,
    ProcessResult result, boolean atOnce, long finished) {

  private static final AtomicLong SEQUENCE = new AtomicLong();

  /** The next number of the daemon-wide completion order. */
  static long next() {
    return SEQUENCE.incrementAndGet();
  }
}
