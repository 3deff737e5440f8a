package dev.supervisor4j.daemon.events;

/**
 * PROCESS_LOG_STDOUT/STDERR: one chunk of a child's output as read from its pipe (after
 * {@code strip_ansi}), when {@code *_events_enabled}. Supervisor sends one per read, not per line.
 *
 * @param channel {@code stdout} or {@code stderr}
 * @param data    the bytes; the payload decodes them as UTF-8 (or shows their repr)
 */
public record ProcessLogEvent(String process, String group, long pid, String channel, byte[] data)
    implements SupervisorEvent {
  @Override
  public EventType type() {
    return channel.equals("stderr") ? EventType.PROCESS_LOG_STDERR : EventType.PROCESS_LOG_STDOUT;
  }
}
