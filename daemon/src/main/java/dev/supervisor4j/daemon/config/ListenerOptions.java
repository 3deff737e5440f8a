package dev.supervisor4j.daemon.config;

import java.util.List;

/**
 * The pool options of an {@code [eventlistener:x]}.
 *
 * @param events        subscribed event type names, upper-cased, as written (abstract ones allowed)
 * @param bufferSize    {@code buffer_size} (at least 1)
 * @param resultHandler {@code result_handler} as written
 */
public record ListenerOptions(List<String> events, int bufferSize, String resultHandler) {
  public ListenerOptions {
    events = List.copyOf(events);
  }
}
