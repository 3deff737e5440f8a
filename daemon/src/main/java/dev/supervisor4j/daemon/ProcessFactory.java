package dev.supervisor4j.daemon;

import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.events.HubMsg;
import dev.supervisor4j.daemon.process.Generation;
import dev.supervisor4j.daemon.process.ProcessMsg;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;

/** Makes the behaviour of one process: the real one wires the OS spawner and log files, tests a fake. */
@FunctionalInterface
public interface ProcessFactory {
  /**
   * @param events     the event hub: state changes, output events and listener stdout go there
   * @param generation the run of the tree the process belongs to
   */
  Behavior<ProcessMsg> create(SupervisordConfig config, GroupConfig group, ProgramConfig program,
      ActorRef<HubMsg> events, Generation generation);
}
