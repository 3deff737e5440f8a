package dev.supervisor4j.daemon.config;

import java.util.List;

/**
 * A process group: what one {@code [program:x]}, {@code [group:x]}, {@code [eventlistener:x]} or
 * {@code [fcgi-program:x]} section makes. Frozen; equal records mean "unchanged" to {@code reread}.
 *
 * @param name       the group name
 * @param kind       which kind of section made it
 * @param priority   the group priority (start ascending, daemon stop descending)
 * @param processes  the processes in Supervisor's start order (by name for a program; in
 *                   {@code programs=} order for a {@code [group:x]})
 * @param listener   pool options; non-null only for {@link GroupKind#EVENT_LISTENER}
 * @param fcgiSocket socket options; non-null only for {@link GroupKind#FCGI_PROGRAM}
 */
public record GroupConfig(
    String name,
    GroupKind kind,
    int priority,
    List<ProgramConfig> processes,
    ListenerOptions listener,
    FcgiSocket fcgiSocket) {
  public GroupConfig {
    processes = List.copyOf(processes);
  }
}
