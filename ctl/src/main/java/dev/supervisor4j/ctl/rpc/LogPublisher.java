package dev.supervisor4j.ctl.rpc;

import java.io.IOException;
import java.util.concurrent.Flow;

/**
 * Publishes a {@link LogStream} to one subscriber from a daemon thread of its own, so a caller can
 * follow two streams at once ({@code fg}) while it reads the terminal. Honours demand; cancelling
 * closes the connection. A stream that the server ends completes; a read error after cancel is
 * not reported.
 */
final class LogPublisher implements Flow.Publisher<byte[]> {
  private final LogStream stream;
  private boolean subscribed;

  LogPublisher(LogStream stream) {
    this.stream = stream;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super byte[]> subscriber) {
    synchronized (this) {
      if (subscribed) {
        subscriber.onSubscribe(new Pump(null, null));
        subscriber.onError(new IllegalStateException("a log stream has one subscriber"));
        return;
      }
      subscribed = true;
    }
    Pump pump = new Pump(stream, subscriber);
    subscriber.onSubscribe(pump);
    Thread t = new Thread(pump, "log-stream");
    t.setDaemon(true);
    t.start();
  }

  /** The subscription and the reading loop. */
  private static final class Pump implements Flow.Subscription, Runnable {
    private final LogStream stream;
    private final Flow.Subscriber<? super byte[]> subscriber;
    private long demand;
    private boolean cancelled;

    Pump(LogStream stream, Flow.Subscriber<? super byte[]> subscriber) {
      this.stream = stream;
      this.subscriber = subscriber;
    }

    @Override
    public synchronized void request(long n) {
      if (n <= 0) {
        cancel();
        return;
      }
      demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
      notifyAll();
    }

    @Override
    public void cancel() {
      synchronized (this) {
        cancelled = true;
        notifyAll();
      }
      if (stream != null) {
        stream.close();
      }
    }

    private synchronized boolean awaitDemand() throws InterruptedException {
      while (demand == 0 && !cancelled) {
        wait();
      }
      if (cancelled) {
        return false;
      }
      demand--;
      return true;
    }

    private synchronized boolean isCancelled() {
      return cancelled;
    }

    @Override
    public void run() {
      try {
        while (awaitDemand()) {
          byte[] data = stream.next();
          if (data == null) {
            stream.close();
            if (!isCancelled()) {
              subscriber.onComplete();
            }
            return;
          }
          subscriber.onNext(data);
        }
      } catch (IOException | RuntimeException e) {
        stream.close();
        if (!isCancelled()) {
          subscriber.onError(e);
        }
      } catch (InterruptedException e) {
        stream.close();
        Thread.currentThread().interrupt();
      }
    }
  }
}
