package dev.supervisor4j.daemon.events;

import dev.supervisor4j.protocol.ProcessState;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Supervisor's event types, with its names and its hierarchy. A subscription to a type takes its
 * subtypes too ({@code EVENT} takes everything); abstract types are only subscribed to, never sent.
 */
public enum EventType {
  /** The root of every type (abstract). */
  EVENT(null, true),
  /** Any process state change (abstract). */
  PROCESS_STATE(EVENT, true),
  PROCESS_STATE_STOPPED(PROCESS_STATE, false),
  PROCESS_STATE_EXITED(PROCESS_STATE, false),
  PROCESS_STATE_STARTING(PROCESS_STATE, false),
  PROCESS_STATE_STOPPING(PROCESS_STATE, false),
  PROCESS_STATE_BACKOFF(PROCESS_STATE, false),
  PROCESS_STATE_FATAL(PROCESS_STATE, false),
  PROCESS_STATE_RUNNING(PROCESS_STATE, false),
  PROCESS_STATE_UNKNOWN(PROCESS_STATE, false),
  /** Data between capture tokens on a child's stdout or stderr (abstract). */
  PROCESS_COMMUNICATION(EVENT, true),
  PROCESS_COMMUNICATION_STDOUT(PROCESS_COMMUNICATION, false),
  PROCESS_COMMUNICATION_STDERR(PROCESS_COMMUNICATION, false),
  /** A chunk of a child's output, with {@code *_events_enabled} (abstract). */
  PROCESS_LOG(EVENT, true),
  PROCESS_LOG_STDOUT(PROCESS_LOG, false),
  PROCESS_LOG_STDERR(PROCESS_LOG, false),
  /** {@code supervisor.sendRemoteCommEvent}. */
  REMOTE_COMMUNICATION(EVENT, false),
  /** The daemon's own state (abstract). */
  SUPERVISOR_STATE_CHANGE(EVENT, true),
  SUPERVISOR_STATE_CHANGE_RUNNING(SUPERVISOR_STATE_CHANGE, false),
  SUPERVISOR_STATE_CHANGE_STOPPING(SUPERVISOR_STATE_CHANGE, false),
  /** A period rolled over (abstract). */
  TICK(EVENT, true),
  TICK_5(TICK, false),
  TICK_60(TICK, false),
  TICK_3600(TICK, false),
  /** A process group came or went (abstract). */
  PROCESS_GROUP(EVENT, true),
  PROCESS_GROUP_ADDED(PROCESS_GROUP, false),
  PROCESS_GROUP_REMOVED(PROCESS_GROUP, false);

  private final EventType parent;
  private final boolean isAbstract;

  EventType(EventType parent, boolean isAbstract) {
    this.parent = parent;
    this.isAbstract = isAbstract;
  }

  public boolean isAbstract() {
    return isAbstract;
  }

  /** True when this type is {@code ancestor} or one of its subtypes. */
  public boolean isA(EventType ancestor) {
    for (EventType t = this; t != null; t = t.parent) {
      if (t == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** True when a subscription to {@code subscribed} takes events of this type. */
  public boolean matches(Set<EventType> subscribed) {
    for (EventType t = this; t != null; t = t.parent) {
      if (subscribed.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** A name from an {@code events=} line (the loader has checked it, case aside). */
  public static Optional<EventType> named(String name) {
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The types an {@code events=} line names; unknown names are left out. */
  public static Set<EventType> parse(Iterable<String> names) {
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    names.forEach(n -> named(n).ifPresent(types::add));
    return types;
  }

  /** The PROCESS_STATE_* type of a change into {@code state}. */
  public static EventType forState(ProcessState state) {
    switch (state) {
      case STOPPED: return PROCESS_STATE_STOPPED;
      case STARTING: return PROCESS_STATE_STARTING;
      case RUNNING: return PROCESS_STATE_RUNNING;
      case BACKOFF: return PROCESS_STATE_BACKOFF;
      case STOPPING: return PROCESS_STATE_STOPPING;
      case EXITED: return PROCESS_STATE_EXITED;
      case FATAL: return PROCESS_STATE_FATAL;
      default: return PROCESS_STATE_UNKNOWN;
    }
  }
}
