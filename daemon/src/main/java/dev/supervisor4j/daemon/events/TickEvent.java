package dev.supervisor4j.daemon.events;

/**
 * TICK_5/60/3600: a period rolled over.
 *
 * @param period seconds: 5, 60 or 3600
 * @param when   epoch seconds of the start of the period that began (Supervisor's timeslice)
 */
public record TickEvent(int period, long when) implements SupervisorEvent {
  public TickEvent {
    if (period != 5 && period != 60 && period != 3600) {
      throw new IllegalArgumentException("no TICK_" + period);
    }
  }

  @Override
  public EventType type() {
    return period == 5 ? EventType.TICK_5 : period == 60 ? EventType.TICK_60 : EventType.TICK_3600;
  }
}
