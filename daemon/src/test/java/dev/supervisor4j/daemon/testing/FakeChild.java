package dev.supervisor4j.daemon.testing;

import dev.supervisor4j.daemon.spawn.ExitStatus;
import dev.supervisor4j.daemon.spawn.RunningChild;
import dev.supervisor4j.protocol.Signal;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** A scripted child: exits when told to, and (by default) dies of the first signal it gets. */
public final class FakeChild implements RunningChild {
  /** A signal delivery the child saw. */
  public record Sent(Signal signal, boolean group) {}

  private final long pid;
  private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
  private final List<Sent> signals = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream stdin = new ByteArrayOutputStream();
  private volatile boolean ignoreSignals;
  private volatile CountDownLatch stdinGate;
  private volatile boolean failSignals;

  FakeChild(long pid) {
    this.pid = pid;
  }

  /** From now on, signals are recorded but the child keeps running (a TERM-ignoring child). */
  public FakeChild ignoringSignals() {
    ignoreSignals = true;
    return this;
  }

  /** From now on, signalling fails with an unexpected error (not ESRCH). */
  public FakeChild failingSignals() {
    failSignals = true;
    return this;
  }

  /** Writes to stdin block until {@code gate} opens: a child that does not read its stdin. */
  public FakeChild blockingStdinUntil(CountDownLatch gate) {
    stdinGate = gate;
    return this;
  }

  public void exit(int code) {
    exit.complete(ExitStatus.exited(code));
  }

  public void killedBy(int signal) {
    exit.complete(ExitStatus.killedBy(signal, false));
  }

  public boolean exited() {
    return exit.isDone();
  }

  public List<Sent> signals() {
    return List.copyOf(signals);
  }

  public byte[] stdinBytes() {
    synchronized (stdin) {
      return stdin.toByteArray();
    }
  }

  @Override
  public long pid() {
    return pid;
  }

  @Override
  public CompletionStage<ExitStatus> onExit() {
    return exit;
  }

  @Override
  public InputStream stdout() {
    return InputStream.nullInputStream();
  }

  @Override
  public InputStream stderr() {
    return InputStream.nullInputStream();
  }

  @Override
  public OutputStream stdin() {
    return new OutputStream() {
      @Override
      public void write(int b) {
        CountDownLatch gate = stdinGate;
        if (gate != null) {
          try {
            gate.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        synchronized (stdin) {
          stdin.write(b);
        }
      }
    };
  }

  @Override
  public boolean signal(Signal signal, boolean group) {
    if (failSignals) {
      throw new IllegalStateException("EPERM");
    }
    signals.add(new Sent(signal, group));
    if (exit.isDone()) {
      return false;
    }
    if (!ignoreSignals || signal.number() == Signal.KILL.number()) {
      killedBy(signal.number());
    }
    return true;
  }
}
