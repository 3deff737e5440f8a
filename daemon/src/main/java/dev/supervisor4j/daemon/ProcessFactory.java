package dev.supervisor4j.daemon;

import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.process.ProcessEvent;
import dev.supervisor4j.daemon.process.ProcessMsg;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;

/** Makes the behaviour of one process: the real one wires the OS spawner and log files, tests a fake. */
@FunctionalInterface
public interface ProcessFactory {
  Behavior<ProcessMsg> create(SupervisordConfig config, GroupConfig group, ProgramConfig program,
      ActorRef<ProcessEvent> events);
}
