package dev.supervisor4j.daemon.process;

import dev.supervisor4j.daemon.spawn.ExitStatus;
import dev.supervisor4j.protocol.ProcessState;
import org.apache.pekko.actor.typed.Behavior;

/**
 * EXITED: ended on its own after reaching RUNNING. {@code autorestart} decides at once whether it
 * starts again (no delay, as supervisord); otherwise only a start leaves it.
 */
final class Exited {
  private Exited() {}

  static Behavior<ProcessMsg> enter(ProcessEnv env, ProcessData data, ExitStatus status) {
    boolean expected = RestartPolicy.isExpected(env.program(), status);
    if (expected) {
      ProcessLog.LOG.info("exited: {} ({}; expected)", env.name(), status.describe());
    } else {
      ProcessLog.LOG.warn("exited: {} ({}; not expected)", env.name(), status.describe());
    }
    ProcessData exited = data.ended(env.now(), status.rpcExitStatus()).withBackoff(0);
    if (!expected) {
      exited = exited.withSpawnErr("Bad exit code " + status.rpcExitStatus());
    }
    env.announce(ProcessState.RUNNING, ProcessState.EXITED, withPid(exited, data), expected);
    if (!env.stopping() && RestartPolicy.restartAfterExit(env.program(), expected)) {
      return Starting.enter(env, exited, ProcessState.EXITED, null);
    }
    return Common.stoppedBehavior(env, ProcessState.EXITED, exited);
  }

  /** The EXITED event carries the pid that just ended. */
  private static ProcessData withPid(ProcessData exited, ProcessData before) {
    return new ProcessData(exited.lastStart(), exited.lastStop(), exited.exitStatus(), exited.spawnErr(),
        exited.backoff(), before.child());
  }
}
