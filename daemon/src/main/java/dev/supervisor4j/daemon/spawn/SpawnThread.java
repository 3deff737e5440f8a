package dev.supervisor4j.daemon.spawn;

import dev.supervisor4j.protocol.Fault;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one thread that makes children. It runs supervisord's in-child steps on itself: user, then
 * {@code directory}, then {@code umask}. Then it calls posix_spawn, whose child inherits all
 * three, and it switches back.
 *
 * <p>Design choice: at start the thread calls {@code unshare(CLONE_FS)}, so its working directory
 * and umask are its own and changing them never touches the rest of the JVM; credentials are
 * per thread anyway (see {@link ThreadCredentials}). So the child is the program itself: its pid
 * is the program's pid, with no setsid/setpriv/sh wrapper. Cost: spawns are serialised on this
 * thread, and the caller of {@link #spawn} waits for it (a fork/exec, well under a millisecond
 * here); actors use {@link #spawnLater} instead, so that a queue of spawns holds no dispatcher
 * thread. The thread captures the daemon's umask and working directory when it starts: create
 * the spawner after the daemon has set them.
 *
 * <p>When an in-child step fails, supervisord's forked child prints two lines to its stderr and
 * exits 127. We cannot run code in the clone, so we reproduce that with a real child,
 * {@code /bin/sh} printing the same lines to the same pipes and exiting 127. Callers see the same
 * pid-then-quick-exit. A posix_spawn error is an exec error (the child's) unless it is EAGAIN
 * or ENOMEM, which we treat as fork errors: glibc reports both kinds the same way.
 */
final class SpawnThread {
  private static final System.Logger LOG = System.getLogger(SpawnThread.class.getName());
  private static final String FAILED_CHILD_SCRIPT = "printf '%s\\n' \"$@\" >&2; exit 127";

  private final LibC libc;
  private final ChildReaper reaper;
  private final ThreadPoolExecutor executor;
  private final AtomicLong sequence = new AtomicLong();
  // Confined to the spawner thread (set up by it, used only by its tasks):
  private PosixSpawn posix;
  private ThreadCredentials credentials;
  private int daemonCwd = -1;
  private String broken; // why this thread must not spawn, or null

  SpawnThread(LibC libc, ChildReaper reaper) {
    this.libc = libc;
    this.reaper = reaper;
    // Only Queued tasks go in (execute, never submit): the queue orders them.
    this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new PriorityBlockingQueue<>(),
        task -> {
          Thread t = new Thread(null, () -> {
            setUp();
            task.run();
          }, "supervisor4j-spawner", 512 * 1024);
          t.setDaemon(true);
          return t;
        });
    executor.prestartCoreThread(); // the set-up and warm-up happen now, not at the first spawn
  }

  /**
   * Queues a spawn on the spawner thread and returns at once. {@code gate} is asked when the
   * spawn's turn comes, so a spawn queued before a shutdown began never runs after it. Urgent
   * spawns (a start that someone asked for: an operator, an autostart) go before the others
   * (autorestarts and retries), each kind in the order queued: in a crash loop the queue is
   * long, and a start must not wait behind it.
   */
  CompletableFuture<RunningChild> spawnLater(SpawnRequest request, SpawnGate gate, boolean urgent) {
    CompletableFuture<RunningChild> result = new CompletableFuture<>();
    try {
      executor.execute(new Queued(urgent, sequence.incrementAndGet(), () -> {
        try {
          result.complete(gate.pass(() -> spawnHere(request)));
        } catch (SpawnException | RuntimeException | Error e) {
          result.completeExceptionally(e);
        }
      }));
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  /** A queued spawn: urgent ones first, then by the order they came. */
  record Queued(boolean urgent, long sequence, Runnable work) implements Runnable, Comparable<Queued> {
    @Override
    public void run() {
      work.run();
    }

    @Override
    public int compareTo(Queued other) {
      return urgent != other.urgent ? (urgent ? -1 : 1) : Long.compare(sequence, other.sequence);
    }
  }

  /** Spawns on the spawner thread and waits for it; an interrupt does not abandon the child. */
  OsRunningChild spawn(SpawnRequest request) throws SpawnException {
    Future<RunningChild> result = spawnLater(request, SpawnGate.OPEN, true);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return (OsRunningChild) result.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw rethrow(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static SpawnException rethrow(Throwable cause) {
    if (cause instanceof SpawnException s) {
      return s;
    }
    if (cause instanceof RuntimeException r) {
      throw r;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException(cause);
  }

  private void setUp() {
    try {
      if (libc.unshare(LibC.CLONE_FS) != 0) {
        broken = "unshare(CLONE_FS) " + Errno.name(LibC.errno());
        return;
      }
      daemonCwd = libc.open(LibC.cString("."), LibC.O_PATH | LibC.O_CLOEXEC);
      if (daemonCwd < 0) {
        broken = "open(\".\") " + Errno.name(LibC.errno());
        return;
      }
      posix = new PosixSpawn(libc);
      credentials = ThreadCredentials.capture(libc);
      warmUp();
    } catch (RuntimeException | Error e) {
      broken = e.toString();
      LOG.log(Level.ERROR, "spawner thread set-up failed; every spawn will fail", e);
    }
  }

  /** Loads every class and binds every call used while switched to another user (see ThreadCredentials). */
  private void warmUp() {
    credentials.warmUp();
    libc.umask(libc.umask(0));
    libc.chdir(LibC.cString("."));
    libc.fchdir(daemonCwd);
    Errno.name(LibC.ENOMEM);
    new InChildFailure("warm-up").lines();
    for (Class<?> c : List.of(OsRunningChild.class, ChildStreams.class, NativeArgs.class)) {
      try {
        Class.forName(c.getName(), true, c.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private OsRunningChild spawnHere(SpawnRequest request) throws SpawnException {
    if (broken != null) {
      throw forkError(request.processName(), broken);
    }
    // An fcgi program's socket is taken before the fork, as supervisord's before_spawn does; the
    // child gives it back when it has been reaped, or at once if no child comes of this attempt.
    SharedSocket.Lease socket = request.socket() == null ? null : request.socket().acquire();
    Runnable release = socket == null ? () -> { } : socket::release;
    ChildPipes pipes;
    try {
      pipes = ChildPipes.open(libc, request.processName(), request.redirectStderr(),
          socket == null ? -1 : socket.fd());
    } catch (SpawnException | RuntimeException | Error e) {
      release.run();
      throw e;
    }
    try {
      OsRunningChild child = launch(request, pipes, release);
      pipes.closeChildEnds();
      return child;
    } catch (SpawnException | RuntimeException | Error e) {
      pipes.closeAll();
      release.run();
      throw e;
    }
  }

  private OsRunningChild launch(SpawnRequest request, ChildPipes pipes, Runnable onReaped) throws SpawnException {
    NativeArgs args = NativeArgs.of(request.executable(), request.argv(), request.environment());
    byte[] directory = request.directory() == null ? null : LibC.cString(request.directory());
    int[] rc = {0};
    InChildFailure failure = null;
    OsRunningChild child = null;
    int savedUmask = -1;
    boolean moved = false;
    try {
      // supervisord's order in the child: setuid, (environment), chdir, umask, execve.
      if (request.user() != null) {
        failure = credentials.become(request.user());
      }
      if (failure == null && directory != null) {
        if (libc.chdir(directory) == 0) {
          moved = true;
        } else {
          failure = new InChildFailure(
              "couldn't chdir to " + request.directory() + ": " + Errno.name(LibC.errno()));
        }
      }
      if (failure == null) {
        if (request.umask() != null) {
          savedUmask = libc.umask(request.umask());
        }
        child = spawnRegistered(args, pipes, rc, onReaped);
      }
    } finally {
      restoreThread(savedUmask, moved);
    }
    if (child != null) {
      return child;
    }
    if (failure == null) {
      failure = execFailure(request, rc[0]);
    }
    return spawnFailedChild(failure, pipes, request.processName(), onReaped);
  }

  private OsRunningChild spawnRegistered(NativeArgs args, ChildPipes pipes, int[] rc, Runnable onReaped) {
    return reaper.locked(() -> {
      int[] pid = new int[1];
      rc[0] = posix.spawn(args, pipes.childStdin(), pipes.childStdout(), pipes.childStderr(), pid);
      if (rc[0] != 0) {
        return null;
      }
      OsRunningChild child = new OsRunningChild(pid[0], reaper, pipes.streams(), onReaped);
      reaper.register(child);
      return child;
    });
  }

  private void restoreThread(int savedUmask, boolean moved) {
    if (savedUmask >= 0) {
      libc.umask(savedUmask);
    }
    try {
      credentials.restore();
    } catch (IllegalStateException e) {
      broken = e.getMessage(); // never spawn again as whoever this thread now is
      LOG.log(Level.ERROR, "spawner disabled", e);
    }
    if (moved && libc.fchdir(daemonCwd) != 0) {
      broken = "could not return to the daemon's directory: " + Errno.name(LibC.errno());
      LOG.log(Level.ERROR, "spawner disabled: " + broken);
    }
  }

  private static InChildFailure execFailure(SpawnRequest request, int errno)
      throws SpawnException {
    String name = request.processName();
    if (errno == LibC.EAGAIN || errno == LibC.ENOMEM) {
      throw forkError(name, Errno.name(errno));
    }
    String argv0 = request.argv().isEmpty() ? request.executable() : request.argv().get(0);
    return new InChildFailure("couldn't exec " + argv0 + ": " + Errno.name(errno));
  }

  private OsRunningChild spawnFailedChild(InChildFailure failure, ChildPipes pipes, String name,
      Runnable onReaped) throws SpawnException {
    List<String> argv = new ArrayList<>(List.of("sh", "-c", FAILED_CHILD_SCRIPT, "sh"));
    argv.addAll(failure.lines());
    int[] rc = {0};
    OsRunningChild child = spawnRegistered(NativeArgs.of("/bin/sh", argv, Map.of()), pipes, rc, onReaped);
    if (child == null) {
      throw forkError(name, Errno.name(rc[0]));
    }
    return child;
  }

  private static SpawnException forkError(String name, String reason) {
    if (reason.equals("EAGAIN")) {
      return new SpawnException(
          Fault.SPAWN_ERROR, "Too many processes in process table to spawn '" + name + "'");
    }
    return new SpawnException(
        Fault.SPAWN_ERROR, "unknown error during fork for '" + name + "': " + reason);
  }
}
