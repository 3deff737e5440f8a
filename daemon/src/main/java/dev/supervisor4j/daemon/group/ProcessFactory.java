package dev.supervisor4j.daemon.group;

import dev.supervisor4j.daemon.board.StatusBoard;
import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.events.HubMsg;
import dev.supervisor4j.daemon.process.Generation;
import dev.supervisor4j.daemon.process.ProcessMsg;
import dev.supervisor4j.daemon.spawn.SharedSocket;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;

/**
 * Makes the behaviour of one process for its GroupActor: the real one wires the OS spawner and log
 * files, tests a fake spawner. It puts the process on the board at once (STOPPED).
 */
@FunctionalInterface
public interface ProcessFactory {
  /**
   * @param events     the event hub: state changes, output events and listener stdout go there
   * @param generation the run of the tree the process belongs to
   * @param board      where the process shows its transitions
   * @param socket     the group's FastCGI socket, to be every spawn's fd 0; null unless the group is
   *                   an {@code [fcgi-program:x]}
   */
  Behavior<ProcessMsg> create(SupervisordConfig config, GroupConfig group, ProgramConfig program,
      ActorRef<HubMsg> events, Generation generation, StatusBoard board, SharedSocket socket);
}
