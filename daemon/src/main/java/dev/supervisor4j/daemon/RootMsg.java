package dev.supervisor4j.daemon;

import dev.supervisor4j.daemon.process.ProcessEvent;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.SupervisorState;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/** Everything the RootGuardian receives. */
public sealed interface RootMsg {
  /** SIGTERM, SIGINT or RPC shutdown: stop everything in order, then exit 0. */
  enum Shutdown implements RootMsg { INSTANCE }

  /** SIGHUP or RPC restart: stop everything in order, re-read the config, start again. */
  enum Restart implements RootMsg { INSTANCE }

  /** SIGUSR2: reopen every child log. */
  enum ReopenLogs implements RootMsg { INSTANCE }

  record GetState(ActorRef<SupervisorState> replyTo) implements RootMsg {}

  /** Every process's info, sorted by group name, then process name (getAllProcessInfo's order). */
  record GetAllProcessInfo(ActorRef<List<ProcessInfo>> replyTo) implements RootMsg {}

  /** Subscribe to process state changes. */
  record Subscribe(ActorRef<ProcessEvent> subscriber) implements RootMsg {}

  /** Self-sent: the autostart of group {@code index - 1} of this generation of groups is done. */
  record AutostartNext(int generation, int index) implements RootMsg {}

  /** Self-sent: the group being stopped for a shutdown or restart is now fully stopped. */
  enum GroupStopped implements RootMsg { INSTANCE }
}
