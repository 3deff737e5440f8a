package dev.supervisor4j.daemon.process;

import dev.supervisor4j.daemon.config.AutoRestart;
import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.daemon.spawn.ExitStatus;

/** supervisord's decisions after an exit, as pure functions. */
final class RestartPolicy {
  private RestartPolicy() {}

  /** Whether an exit counts as expected: its code is in exitcodes; a death by signal never is. */
  static boolean isExpected(ProgramConfig program, ExitStatus status) {
    return !status.bySignal() && program.isExpected(status.code());
  }

  /** After RUNNING → EXITED: restart at once? */
  static boolean restartAfterExit(ProgramConfig program, boolean expected) {
    AutoRestart policy = program.autoRestart();
    return policy == AutoRestart.TRUE || (policy == AutoRestart.UNEXPECTED && !expected);
  }

  /** After a failed start: the BACKOFF count says whether to retry or give up. */
  static boolean giveUp(ProgramConfig program, int backoff) {
    return backoff > program.startRetries();
  }
}
