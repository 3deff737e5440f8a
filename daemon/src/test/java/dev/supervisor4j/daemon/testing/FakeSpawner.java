package dev.supervisor4j.daemon.testing;

import dev.supervisor4j.daemon.spawn.ProcessSpawner;
import dev.supervisor4j.daemon.spawn.RunningChild;
import dev.supervisor4j.daemon.spawn.SpawnException;
import dev.supervisor4j.daemon.spawn.SpawnGate;
import dev.supervisor4j.daemon.spawn.SpawnRequest;
import dev.supervisor4j.protocol.Fault;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** A scripted spawner: hands out {@link FakeChild}ren, or fails when told to. */
public final class FakeSpawner implements ProcessSpawner {
  private final AtomicLong nextPid = new AtomicLong(1000);
  private final List<FakeChild> children = new CopyOnWriteArrayList<>();
  private final Queue<SpawnException> failures = new ArrayDeque<>();
  private volatile SpawnException alwaysFail;
  private volatile Consumer<FakeChild> onSpawn = c -> {};
  /** Spawns queued by {@link #spawnLater} while held, as on a busy spawner thread; null: none held. */
  private Queue<Runnable> held;

  /** A spawner whose every spawn fails with this spawnerr. */
  public static FakeSpawner failingWith(String spawnErr) {
    FakeSpawner s = new FakeSpawner();
    s.alwaysFail = new SpawnException(Fault.SPAWN_ERROR, spawnErr);
    return s;
  }

  public synchronized FakeSpawner failNextSpawn(String spawnErr) {
    failures.add(new SpawnException(Fault.SPAWN_ERROR, spawnErr));
    return this;
  }

  /** Runs for each new child, e.g. to make it ignore signals. */
  public FakeSpawner onSpawn(Consumer<FakeChild> action) {
    onSpawn = action;
    return this;
  }

  /** From now on, {@link #spawnLater} queues its spawns until {@link #release}. */
  public synchronized FakeSpawner hold() {
    held = new ArrayDeque<>();
    return this;
  }

  /** Runs the queued spawns (each through its gate, as the spawner thread does) and stops holding. */
  public void release() {
    Queue<Runnable> queued;
    synchronized (this) {
      queued = held;
      held = null;
    }
    queued.forEach(Runnable::run);
  }

  @Override
  public CompletionStage<RunningChild> spawnLater(SpawnRequest request, SpawnGate gate, boolean urgent) {
    synchronized (this) {
      if (held != null) {
        CompletableFuture<RunningChild> result = new CompletableFuture<>();
        held.add(() -> ProcessSpawner.super.spawnLater(request, gate, urgent).whenComplete((c, e) -> {
          if (e != null) {
            result.completeExceptionally(e);
          } else {
            result.complete(c);
          }
        }));
        return result;
      }
    }
    return ProcessSpawner.super.spawnLater(request, gate, urgent);
  }

  public int spawnCount() {
    return children.size();
  }

  public FakeChild child(int n) {
    return children.get(n);
  }

  public FakeChild last() {
    return children.get(children.size() - 1);
  }

  @Override
  public RunningChild spawn(SpawnRequest request) throws SpawnException {
    SpawnException failure;
    synchronized (this) {
      failure = alwaysFail != null ? alwaysFail : failures.poll();
    }
    if (failure != null) {
      throw failure;
    }
    FakeChild child = new FakeChild(nextPid.incrementAndGet());
    onSpawn.accept(child);
    children.add(child);
    return child;
  }
}
