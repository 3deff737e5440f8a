package dev.supervisor4j.daemon.spawn;

import dev.supervisor4j.protocol.Signal;

/**
 * How a child ended, decoded from its wait status: an exit with a code, or a death by signal.
 *
 * @param code        the exit code when {@code signal == 0}
 * @param signal      the terminating signal, 0 for a normal exit
 * @param coreDumped  whether a core was dumped (signal deaths only)
 */
public record ExitStatus(int code, int signal, boolean coreDumped) {

  public static ExitStatus exited(int code) {
    return new ExitStatus(code, 0, false);
  }

  public static ExitStatus killedBy(int signal, boolean coreDumped) {
    return new ExitStatus(-1, signal, coreDumped);
  }

  public boolean bySignal() {
    return signal != 0;
  }

  /** The value RPC {@code exitstatus} reports: the code, or -1 for a signal death. */
  public int rpcExitStatus() {
    return bySignal() ? -1 : code;
  }

  /** Supervisor's text: {@code exit status 3} or {@code terminated by SIGTERM} (plus core dumped). */
  public String describe() {
    if (!bySignal()) {
      return "exit status " + code;
    }
    return "terminated by " + Signal.describe(signal) + (coreDumped ? " (core dumped)" : "");
  }
}
