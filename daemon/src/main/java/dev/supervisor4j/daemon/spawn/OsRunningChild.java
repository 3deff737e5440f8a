package dev.supervisor4j.daemon.spawn;

import dev.supervisor4j.protocol.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A child made by {@link OsProcessSpawner}. Its exit comes from {@link ChildReaper}; signals are
 * sent under the reaper's lock and refused once the pid was reaped, so a recycled pid is never hit.
 */
final class OsRunningChild implements RunningChild {
  private final int pid;
  private final ChildReaper reaper;
  private final ChildStreams streams;
  private final Runnable onReaped;
  private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
  private boolean reaped; // guarded by the reaper's lock

  OsRunningChild(int pid, ChildReaper reaper, ChildStreams streams) {
    this(pid, reaper, streams, () -> { });
  }

  /** @param onReaped run once the child has been reaped, before {@link #onExit()} completes */
  OsRunningChild(int pid, ChildReaper reaper, ChildStreams streams, Runnable onReaped) {
    this.pid = pid;
    this.reaper = reaper;
    this.streams = streams;
    this.onReaped = onReaped;
  }

  @Override
  public long pid() {
    return pid;
  }

  @Override
  public CompletionStage<ExitStatus> onExit() {
    return exit.minimalCompletionStage();
  }

  @Override
  public InputStream stdout() {
    return streams.stdout();
  }

  @Override
  public InputStream stderr() {
    return streams.stderr();
  }

  @Override
  public OutputStream stdin() {
    return streams.stdin();
  }

  @Override
  public boolean signal(Signal signal, boolean group) {
    return reaper.locked(() -> {
      if (reaped) {
        return false; // as ESRCH: the pid is no longer ours
      }
      return group ? Signals.sendToGroup(pid, signal) : Signals.send(pid, signal);
    });
  }

  /** Called by the reaper holding its lock, right after waitpid collected this pid. */
  void markReaped() {
    reaped = true;
  }

  /**
   * Called by the reaper after {@link #markReaped}: gives back what the child held (its fcgi socket),
   * closes stdin and completes onExit. In that order, as supervisord's finish(): a restart that the
   * exit causes finds the socket already given back.
   */
  void exited(ExitStatus status) {
    try {
      onReaped.run();
    } catch (RuntimeException e) {
      // Never keep the exit from being told.
    }
    try {
      streams.stdin().close(); // supervisord closes the child's stdin when it is reaped
    } catch (IOException e) {
      // Nothing to do: the pipe is gone either way.
    }
    exit.complete(status);
  }

  @Override
  public String toString() {
    return "OsRunningChild[pid=" + pid + "]";
  }
}
