package dev.supervisor4j.daemon.spawn;

import dev.supervisor4j.protocol.Signal;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletionStage;

/** A child process we started. Thread-safe; never blocks except in the streams. */
public interface RunningChild {
  /** The program's own pid (every wrapper execs), which is also its process group id. */
  long pid();

  /** Completes once, when the child has been reaped, with its exact exit status. */
  CompletionStage<ExitStatus> onExit();

  /** The child's stdout (and stderr when redirected); read it on a dedicated thread. */
  InputStream stdout();

  /** The child's stderr, or null when stderr is redirected to stdout. */
  InputStream stderr();

  /** The child's stdin; stays open while it runs. */
  OutputStream stdin();

  /**
   * Sends {@code signal} to the child, or to its whole process group when {@code group}.
   *
   * @return false when the process no longer exists (ESRCH)
   * @throws IllegalStateException for any other failure (Supervisor goes to UNKNOWN then)
   */
  boolean signal(Signal signal, boolean group);
}
