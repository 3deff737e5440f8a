package dev.supervisor4j.ctl.shell;

/**
 * Ctrl-C (SIGINT) as an event instead of the JVM's default exit, for the places where Supervisor
 * catches KeyboardInterrupt: {@code tail -f}, {@code fg}, and prompts. Uses {@code sun.misc.Signal}
 * (module jdk.unsupported, present in every JDK 17+): the one way to handle SIGINT in plain Java.
 * If it is unavailable, Ctrl-C keeps its default meaning (exit).
 */
final class Interrupts {
  private Interrupts() {}

  /** Runs {@code action} on SIGINT until the returned handle is closed, which restores the previous handler. */
  static AutoCloseable install(Runnable action) {
    try {
      sun.misc.Signal sigint = new sun.misc.Signal("INT");
      sun.misc.SignalHandler previous = sun.misc.Signal.handle(sigint, new Handler(action));
      return new Restore(sigint, previous);
    } catch (RuntimeException | LinkageError e) {
      return new Restore(null, null);
    }
  }

  private static final class Handler implements sun.misc.SignalHandler {
    private final Runnable action;

    Handler(Runnable action) {
      this.action = action;
    }

    @Override
    public void handle(sun.misc.Signal signal) {
      action.run();
    }
  }

  private static final class Restore implements AutoCloseable {
    private final sun.misc.Signal signal;
    private final sun.misc.SignalHandler previous;

    Restore(sun.misc.Signal signal, sun.misc.SignalHandler previous) {
      this.signal = signal;
      this.previous = previous;
    }

    @Override
    public void close() {
      if (signal != null) {
        try {
          sun.misc.Signal.handle(signal, previous);
        } catch (RuntimeException ignored) {
          // Restoring is best effort: the process is about to go back to its prompt or exit.
        }
      }
    }
  }
}
