package dev.supervisor4j.daemon.group;

import dev.supervisor4j.daemon.actor.Refusable;
import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.process.ProcessMsg;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.SupervisorFault;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/** Everything a GroupActor receives: its public {@link Command}s and its self-sent {@link Internal}s. */
public sealed interface GroupMsg {

  /** The public protocol. */
  sealed interface Command extends GroupMsg {}

  /**
   * Sent by a new group once its members are made and on the board (and again after an update):
   * the refs its listener pool and the event hub need.
   *
   * @param fresh the members made by this update (all of them for a new group): the ones to autostart
   */
  record Ready(String group, ActorRef<Command> ref, Map<String, ActorRef<ProcessMsg>> members, Set<String> fresh) {
    public Ready {
      members = Map.copyOf(members);
      fresh = Set.copyOf(fresh);
    }
  }

  /**
   * Start the members with {@code autostart=true}, one after the other in start order (each spawn is
   * done before the next begins, so the order is supervisord's); answers once all are spawned.
   *
   * @param only        the members to consider (those an update made), or null for all
   * @param keepStopped {@code group:name} of members an operator stopped before the daemon restarted
   *                    ({@code [history] remember_stopped}): not started
   */
  record Autostart(Set<String> only, Set<String> keepStopped, ActorRef<Done> replyTo) implements Command {
    public Autostart {
      only = only == null ? null : Set.copyOf(only);
      keepStopped = Set.copyOf(keepStopped);
    }
  }

  /**
   * Stop every member for a daemon shutdown or restart (BACKOFF becomes FATAL); answers once every
   * member is in a stopped state.
   */
  record StopAll(ActorRef<Done> replyTo) implements Command {}

  /**
   * A request for one member, passed on as it is; BAD_NAME (detail {@code raw}) for an unknown member.
   */
  record ToMember(String process, String raw, ProcessMsg.Request request) implements Command, Refusable {
    @Override
    public void refuse(SupervisorFault fault) {
      request.refuse(fault);
    }
  }

  /** A group method (startProcessGroup…): every member at once, the array in supervisord's order. */
  record Run(GroupOp op, ActorRef<StatusReply<List<ProcessResult>>> replyTo) implements Command, Refusable {
    @Override
    public void refuse(SupervisorFault fault) {
      replyTo.tell(StatusReply.error(fault));
    }
  }

  /**
   * This group's part of an "all" method: the outcomes, for the root to order with the other groups'.
   *
   * @param groupIndex the group's place among the active groups
   */
  record RunPart(GroupOp op, int groupIndex, ActorRef<List<Outcome>> replyTo) implements Command {}

  /**
   * Apply a re-read config to this group (supervisor4j.updateProcessGroup): keep the members whose
   * effective config is unchanged, stop and drop the others, make the new ones. Answers with the new
   * members; nothing is started yet (the root sends {@link Autostart} for the fresh ones).
   *
   * @param source the config {@code next} comes from
   */
  record Update(GroupConfig next, SupervisordConfig source, ActorRef<StatusReply<Ready>> replyTo)
      implements Command, Refusable {
    @Override
    public void refuse(SupervisorFault fault) {
      replyTo.tell(StatusReply.error(fault));
    }
  }

  /** SIGUSR2: every member reopens its logs. */
  enum ReopenLogs implements Command { INSTANCE }

  /** Self-sent only. */
  sealed interface Internal extends GroupMsg {}

  /** The autostart of member {@code index - 1} was handled; go on with {@code index}. */
  record AutostartNext(int index, Autostart request) implements Internal {}

  /** A member's outcome for request {@code request}; null when the member is left out of the array. */
  record MemberDone(long request, Outcome outcome) implements Internal {}

  /** The members an update retires are all stopped. */
  record RetiredStopped(GroupUpdate plan, SupervisordConfig source, ActorRef<StatusReply<Ready>> replyTo)
      implements Internal {}
}
