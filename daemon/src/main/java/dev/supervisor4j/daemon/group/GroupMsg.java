package dev.supervisor4j.daemon.group;

import dev.supervisor4j.protocol.ProcessInfo;
import java.util.List;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;

/** Everything a GroupActor receives. */
public sealed interface GroupMsg {
  /**
   * Start every member with {@code autostart=true}, one after the other in start order (each spawn
   * is done before the next begins, so the order is supervisord's); answers once all are spawned.
   *
   * @param keepStopped {@code group:name} of members an operator stopped before the daemon restarted
   *                    ({@code [history] remember_stopped}): not started
   */
  record Autostart(ActorRef<Done> replyTo, java.util.Set<String> keepStopped) implements GroupMsg {
    public Autostart {
      keepStopped = java.util.Set.copyOf(keepStopped);
    }

    public Autostart(ActorRef<Done> replyTo) {
      this(replyTo, java.util.Set.of());
    }
  }

  /** Like {@link Autostart}, but only for the named members (the ones an update replaced). */
  record AutostartOnly(Set<String> names, ActorRef<Done> replyTo) implements GroupMsg {}

  /** Self-sent: the autostart of member {@code index - 1} was handled; go on with {@code index}. */
  record AutostartNext(int index, Set<String> only, ActorRef<Done> replyTo) implements GroupMsg {}

  /**
   * Stop every member for a daemon shutdown or restart (BACKOFF becomes FATAL); answers once every
   * member is in a stopped state.
   */
  record StopAll(ActorRef<Done> replyTo) implements GroupMsg {}

  /** Every member's info, in the group's order. */
  record GetInfos(ActorRef<List<ProcessInfo>> replyTo) implements GroupMsg {}

  /** SIGUSR2: every member reopens its logs. */
  enum ReopenLogs implements GroupMsg { INSTANCE }
}
