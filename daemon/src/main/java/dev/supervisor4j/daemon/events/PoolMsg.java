package dev.supervisor4j.daemon.events;

import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.process.ProcessEvent;
import dev.supervisor4j.daemon.process.ProcessMsg;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;

/** Everything a {@link ListenerPool} receives; the hub sends the first three. */
sealed interface PoolMsg {
  /** An event of a subscribed type, with the global serial it got. */
  record Accept(long serial, SupervisorEvent event) implements PoolMsg {}

  /** A state change of one of the pool's own listener processes. */
  record MemberChanged(ProcessEvent change) implements PoolMsg {}

  /**
   * The group was updated in place (per-process update): new options and members; listeners kept
   * by name keep their state, the buffer and the serials stay.
   */
  record Reconfigure(GroupConfig group, String server, Map<String, ActorRef<ProcessMsg>> members) implements PoolMsg {}

  /** A chunk a listener child wrote on its stdout (the protocol channel). */
  record Output(String process, long pid, byte[] chunk) implements PoolMsg {}

  /** Self-sent: the write of an event to a listener's stdin worked, or not. */
  record Written(String process, long pid, long serial, boolean ok) implements PoolMsg {}
}
