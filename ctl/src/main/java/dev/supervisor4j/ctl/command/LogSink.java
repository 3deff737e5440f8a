package dev.supervisor4j.ctl.command;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;

/**
 * Writes a followed log to stdout as bytes arrive, untouched (Supervisor decodes each read as
 * UTF-8 and prints {@code Undecodable: b'...'} when a read splits a character; passing bytes on
 * never does that). Ends on completion, error, or {@link #interrupt()}.
 */
final class LogSink implements Flow.Subscriber<byte[]>, Runnable {
  private final CtlIO io;
  private final CountDownLatch end = new CountDownLatch(1);
  private volatile Flow.Subscription subscription;
  private volatile boolean interrupted;
  private volatile Throwable error;

  LogSink(CtlIO io) {
    this.io = io;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (interrupted) {
      s.cancel(); // Ctrl-C came before the stream opened
      return;
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(byte[] item) {
    io.raw(item);
  }

  @Override
  public void onError(Throwable t) {
    error = t;
    end.countDown();
  }

  @Override
  public void onComplete() {
    end.countDown();
  }

  /** Ctrl-C (the interrupt callback): stop reading. */
  @Override
  public void run() {
    interrupt();
  }

  /** Ctrl-C: stop reading. */
  void interrupt() {
    interrupted = true;
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    end.countDown();
  }

  /** Waits for the end; true when it was Ctrl-C. */
  boolean awaitEnd() throws InterruptedException {
    end.await();
    return interrupted;
  }

  boolean wasInterrupted() {
    return interrupted;
  }

  Throwable error() {
    return error;
  }
}
