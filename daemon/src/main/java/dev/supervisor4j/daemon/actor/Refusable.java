package dev.supervisor4j.daemon.actor;

import dev.supervisor4j.protocol.SupervisorFault;

/**
 * A request that can be answered with a fault by whoever cannot pass it on (an unknown name, a
 * daemon that is stopping): one way to refuse, instead of a chain of {@code instanceof}.
 */
public interface Refusable {
  void refuse(SupervisorFault fault);
}
