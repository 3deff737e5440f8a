package dev.supervisor4j.daemon.spawn;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Real children on Linux, made the way supervisord makes them, with exact exit statuses.
 *
 * <p>Each child is the program itself (its pid is the program's pid), in a new session and
 * process group (pgid = sid = pid), with the pipes on 0/1/2 (fd 2 is the stdout pipe when
 * {@code redirectStderr}), no other fd, the request's environment and nothing else, and the
 * request's directory, umask and user. HOME, USER and LOGNAME are not changed for {@code user=}:
 * supervisord does not change them either. When supervisord's child would fail after the fork
 * (setuid, chdir, exec), the child's stderr gets supervisord's two lines and it exits 127 (see
 * {@link SpawnThread}). Failures before the fork throw {@link SpawnException} with supervisord's
 * texts. Run {@link CommandResolver} first: the spawner execs {@code executable} as given.
 *
 * <p>Design choice: glibc's posix_spawn through JNA, plus one reaper thread that waits for every
 * child of the JVM, instead of {@link ProcessBuilder}. This gives the exact wait status
 * ({@code terminated by SIGTERM} versus {@code exit status 143}) and no wrapper processes. It also
 * collects orphans reparented to us when we are PID 1 or a {@link Subreaper}.
 *
 * <p>Costs and rules for callers:
 * <ul>
 *   <li><b>One per JVM, and no ProcessBuilder in this JVM.</b> The reaper waits for any child
 *       ({@code waitid(P_ALL)}), so it would also collect a {@code ProcessBuilder} child, whose
 *       {@code Process.waitFor()} would then report 0. The daemon spawns every process here.
 *   <li>Start it once, early (it loads libc and starts the reaper and spawner threads), after the
 *       daemon has set its own umask and working directory, which children inherit by default.
 *   <li>{@link #spawn} blocks for the fork/exec only. {@code onExit()} completes on the reaper
 *       thread: attach non-blocking callbacks (pipeToSelf).
 *   <li>Read {@code stdout()} and {@code stderr()} to EOF on dedicated threads and close them; a
 *       child that fills an unread pipe blocks. {@code stdin()} is closed when the child is reaped.
 *   <li>The unknown-pid listener runs on the reaper thread; log
 *       {@link UnknownPidReaped#logMessage()} at INFO as supervisord does, and do not block.
 * </ul>
 */
public final class OsProcessSpawner implements ProcessSpawner {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private final SpawnThread spawnThread;

  private OsProcessSpawner(SpawnThread spawnThread) {
    this.spawnThread = spawnThread;
  }

  /**
   * Loads libc and starts the reaper and spawner threads (both daemon threads, alive for the JVM's
   * lifetime).
   *
   * @param onUnknownPid told of every reaped process we did not spawn
   * @throws IllegalStateException when called a second time in this JVM
   */
  public static OsProcessSpawner start(Consumer<UnknownPidReaped> onUnknownPid) {
    if (!STARTED.compareAndSet(false, true)) {
      throw new IllegalStateException(
          "an OsProcessSpawner already runs in this JVM: its reaper waits for every child");
    }
    LibC libc = LibC.get();
    ChildReaper reaper = new ChildReaper(libc, onUnknownPid);
    reaper.start();
    return new OsProcessSpawner(new SpawnThread(libc, reaper));
  }

  @Override
  public RunningChild spawn(SpawnRequest request) throws SpawnException {
    return spawnThread.spawn(request);
  }

  @Override
  public CompletionStage<RunningChild> spawnLater(SpawnRequest request, SpawnGate gate, boolean urgent) {
    return spawnThread.spawnLater(request, gate, urgent);
  }
}
