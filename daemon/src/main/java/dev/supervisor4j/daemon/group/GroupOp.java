package dev.supervisor4j.daemon.group;

import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.Signal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import dev.supervisor4j.daemon.process.ProcessMsg;

/**
 * An operation a group runs on each of its members at once (supervisord's group and "all"
 * methods), and how each member's outcome enters the result array.
 */
public sealed interface GroupOp {
  Duration TIMEOUT = Duration.ofSeconds(30);
  /** supervisord has no server-side timeout for a start or stop with wait; this only bounds leaks. */
  Duration WAIT_TIMEOUT = Duration.ofDays(1);

  /** The request for one member. */
  ProcessMsg.Request request(ActorRef<StatusReply<Done>> replyTo);

  /** A member failing with this fault is left out of the array, or null if none is. */
  Fault skipped();

  /** Whether an entry with this outcome ({@link Fault#SUCCESS} for success) was decided without waiting. */
  boolean atOnce(Fault outcome);

  default Duration timeout() {
    return TIMEOUT;
  }

  /** Start the members not running ({@code startProcessGroup}, {@code startAllProcesses}). */
  record Start(boolean waitFor) implements GroupOp {
    /** Faults supervisord's startProcess raises before it spawns: decided at once, not waited for. */
    private static final Set<Fault> BEFORE_SPAWN = EnumSet.of(Fault.NO_FILE, Fault.NOT_EXECUTABLE, Fault.FAILED);

    @Override
    public ProcessMsg.Request request(ActorRef<StatusReply<Done>> replyTo) {
      return new ProcessMsg.Start(waitFor, true, replyTo);
    }

    @Override
    public Fault skipped() {
      return Fault.ALREADY_STARTED;
    }

    @Override
    public boolean atOnce(Fault outcome) {
      return !waitFor || BEFORE_SPAWN.contains(outcome);
    }

    @Override
    public Duration timeout() {
      return waitFor ? WAIT_TIMEOUT : TIMEOUT;
    }
  }

  /** Stop the members that run ({@code stopProcessGroup}, {@code stopAllProcesses}). */
  record Stop(boolean waitFor) implements GroupOp {
    @Override
    public ProcessMsg.Request request(ActorRef<StatusReply<Done>> replyTo) {
      return new ProcessMsg.Stop(waitFor, replyTo);
    }

    @Override
    public Fault skipped() {
      return Fault.NOT_RUNNING;
    }

    @Override
    public boolean atOnce(Fault outcome) {
      return !waitFor || outcome == Fault.FAILED;
    }

    @Override
    public Duration timeout() {
      return waitFor ? WAIT_TIMEOUT : TIMEOUT;
    }
  }

  /**
   * Signal the members that run. A signal name that does not parse gives one BAD_SIGNAL entry per
   * member that could have been signalled ({@link #signal} empty).
   *
   * @param name as the caller sent it
   */
  record SendSignal(String name) implements GroupOp {
    public Optional<Signal> signal() {
      return Signal.parse(name);
    }

    @Override
    public ProcessMsg.Request request(ActorRef<StatusReply<Done>> replyTo) {
      return new ProcessMsg.SendSignal(signal().orElseThrow(), replyTo);
    }

    @Override
    public Fault skipped() {
      return Fault.NOT_RUNNING;
    }

    @Override
    public boolean atOnce(Fault outcome) {
      return true;
    }
  }

  /** Truncate the members' logs ({@code clearAllProcessLogs}). */
  enum ClearLogs implements GroupOp {
    INSTANCE;

    @Override
    public ProcessMsg.Request request(ActorRef<StatusReply<Done>> replyTo) {
      return new ProcessMsg.ReopenLogs(true, replyTo);
    }

    @Override
    public Fault skipped() {
      return null;
    }

    @Override
    public boolean atOnce(Fault outcome) {
      return true;
    }
  }
}
