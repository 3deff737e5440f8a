package dev.supervisor4j.daemon.spawn;

import com.sun.jna.Memory;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one thread that waits for every child of this JVM, as supervisord's {@code reap()} does
 * with {@code waitpid(-1)}: it completes our children's {@code onExit()} with their exact wait
 * status and reports any other pid (an orphan reparented to us) as {@link UnknownPidReaped}.
 *
 * <p>Design choice: peek with {@code waitid(P_ALL, WEXITED|WNOWAIT)} (blocking, leaves the zombie
 * in place), then take the registry lock and reap that pid with {@code waitpid(pid, WNOHANG)}.
 * Spawning holds the same lock from posix_spawn until the new pid is registered, and signalling
 * holds it around kill(2). So a child that dies at once is never mistaken for an unknown pid, the
 * child that glibc's posix_spawn reaps itself after a failed exec is never stolen, and a pid is
 * never signalled after it was reaped (when it could belong to someone else). Cost: spawns and
 * signals serialise on one lock (each holds it for well under a millisecond).
 *
 * <p>When there is no child at all ({@code ECHILD}) the thread waits for the next spawn, but at
 * most one second: as PID 1 an orphan may be reparented to us while we have no children (e.g.
 * from {@code docker exec}), and nothing else would wake us for it.
 *
 * <p>Callbacks run on this thread: {@code onExit()} stages and the unknown-pid listener must not
 * block (hand over with {@code pipeToSelf} or an actor message).
 */
final class ChildReaper {
  private static final System.Logger LOG = System.getLogger(ChildReaper.class.getName());
  private static final long SI_PID_OFFSET = 16; // siginfo_t.si_pid on 64-bit Linux (x86_64, aarch64)

  private final LibC libc;
  private final Consumer<UnknownPidReaped> onUnknownPid;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition spawned = lock.newCondition();
  private final Map<Integer, OsRunningChild> children = new HashMap<>(); // guarded by lock
  private long spawnCount; // guarded by lock

  ChildReaper(LibC libc, Consumer<UnknownPidReaped> onUnknownPid) {
    this.libc = libc;
    this.onUnknownPid = onUnknownPid;
  }

  void start() {
    Thread thread = new Thread(null, this::run, "supervisor4j-reaper", 256 * 1024);
    thread.setDaemon(true);
    thread.start();
  }

  /** Runs {@code action} holding the registry lock, so no pid is reaped meanwhile. */
  <T> T locked(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  /** Registers a child just spawned; the caller holds the lock (see {@link #locked}). */
  void register(OsRunningChild child) {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("register() outside the registry lock");
    }
    children.put((int) child.pid(), child);
    spawnCount++;
    spawned.signalAll();
  }

  private void run() {
    Memory info = new Memory(128);
    int[] status = new int[1];
    while (true) {
      try {
        int pid = nextExited(info);
        if (pid > 0) {
          reap(pid, status);
        }
      } catch (RuntimeException | Error e) {
        LOG.log(Level.ERROR, "reaper: unexpected failure, continuing", e);
        parkAfterSpawn(currentSpawnCount(), TimeUnit.SECONDS.toNanos(1));
      }
    }
  }

  /** Blocks until some child has exited; returns its pid, or 0 to try again. */
  private int nextExited(Memory info) {
    long seen = currentSpawnCount();
    info.clear();
    if (libc.waitid(LibC.P_ALL, 0, info, LibC.WEXITED | LibC.WNOWAIT) == 0) {
      return info.getInt(SI_PID_OFFSET);
    }
    int errno = LibC.errno();
    if (errno == LibC.ECHILD) {
      parkAfterSpawn(seen, TimeUnit.SECONDS.toNanos(1));
      return 0;
    }
    if (errno == LibC.EINTR) {
      return 0;
    }
    throw new IllegalStateException("waitid failed: " + Errno.name(errno));
  }

  private void reap(int pid, int[] status) {
    OsRunningChild child;
    ExitStatus exit;
    lock.lock();
    try {
      if (libc.waitpid(pid, status, LibC.WNOHANG) != pid) {
        return; // posix_spawn collected its own failed child while we waited for the lock
      }
      exit = WaitStatus.decode(status[0]);
      child = children.remove(pid);
      if (child != null) {
        child.markReaped();
      }
    } finally {
      lock.unlock();
    }
    if (child != null) {
      child.exited(exit);
    } else {
      reportUnknown(new UnknownPidReaped(pid, exit));
    }
  }

  private void reportUnknown(UnknownPidReaped reaped) {
    try {
      onUnknownPid.accept(reaped);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "unknown-pid listener failed for " + reaped, e);
    }
  }

  private long currentSpawnCount() {
    lock.lock();
    try {
      return spawnCount;
    } finally {
      lock.unlock();
    }
  }

  private void parkAfterSpawn(long seen, long nanos) {
    lock.lock();
    try {
      long left = nanos;
      while (spawnCount == seen && left > 0) {
        left = spawned.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      // Nobody may stop the reaper: keeping the flag would turn every later wait into a spin.
    } finally {
      lock.unlock();
    }
  }
}
