package dev.supervisor4j.daemon.events;

/**
 * PROCESS_COMMUNICATION_STDOUT/STDERR: what a child wrote between {@code <!--XSUPERVISOR:BEGIN-->}
 * and {@code <!--XSUPERVISOR:END-->} with {@code *_capture_maxbytes} set.
 *
 * @param channel {@code stdout} or {@code stderr}
 * @param data    the captured bytes (at most about {@code capture_maxbytes}, the last ones)
 */
public record ProcessCommEvent(String process, String group, long pid, String channel, byte[] data)
    implements SupervisorEvent {
  @Override
  public EventType type() {
    return channel.equals("stderr") ? EventType.PROCESS_COMMUNICATION_STDERR
        : EventType.PROCESS_COMMUNICATION_STDOUT;
  }
}
