package dev.supervisor4j.daemon.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code tail -f} of a file as a publisher: first the last 1024 bytes, then whatever is appended,
 * polled every 100 ms (as supervisord polls). A file that shrank gives {@code ==> File truncated <==}
 * and restarts from 0; a new file at the path (rotation) is followed from its start. Reads happen
 * only while the subscriber has demand, so a slow client never makes us buffer.
 */
final class LogFollower implements Flow.Publisher<byte[]> {
  static final int FIRST = 1024;
  private static final int CHUNK = 64 * 1024;
  private static final byte[] TRUNCATED = "==> File truncated <==\n".getBytes(StandardCharsets.US_ASCII);

  private final Path path;
  private final ScheduledExecutorService poller;

  LogFollower(Path path, ScheduledExecutorService poller) {
    this.path = path;
    this.poller = poller;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super byte[]> subscriber) {
    Follow follow = new Follow(subscriber);
    subscriber.onSubscribe(follow);
    follow.schedule();
  }

  private final class Follow implements Flow.Subscription, Runnable {
    private final Flow.Subscriber<? super byte[]> subscriber;
    private final AtomicLong demand = new AtomicLong();
    private volatile boolean cancelled;
    private ScheduledFuture<?> task;
    private FileChannel channel;
    private Object fileKey;
    private long position = -1;

    Follow(Flow.Subscriber<? super byte[]> subscriber) {
      this.subscriber = subscriber;
    }

    synchronized void schedule() {
      if (!cancelled) {
        task = poller.scheduleWithFixedDelay(this, 0, 100, TimeUnit.MILLISECONDS);
      }
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        cancel();
        subscriber.onError(new IllegalArgumentException("non-positive request"));
        return;
      }
      demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
    }

    @Override
    public synchronized void cancel() {
      cancelled = true;
      if (task != null) {
        task.cancel(false);
      }
      closeChannel();
    }

    /** One poll: send what is new while there is demand. */
    @Override
    public synchronized void run() {
      try {
        while (!cancelled && demand.get() > 0) {
          byte[] next = poll();
          if (next == null) {
            return;
          }
          demand.decrementAndGet();
          subscriber.onNext(next);
        }
      } catch (RuntimeException e) {
        cancel();
        subscriber.onError(e);
      }
    }

    private byte[] poll() {
      try {
        reopenIfRotated();
        if (channel == null) {
          return null;
        }
        long size = channel.size();
        if (position < 0) {
          position = Math.max(0, size - FIRST);
        } else if (size < position) {
          position = 0;
          return TRUNCATED;
        }
        if (size == position) {
          return null;
        }
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK, size - position));
        int n = channel.read(buf, position);
        if (n <= 0) {
          return null;
        }
        position += n;
        byte[] out = new byte[n];
        buf.flip().get(out);
        return out;
      } catch (IOException e) {
        closeChannel();
        return null;
      }
    }

    /** A different file at the path (rotation) is followed from its start. */
    private void reopenIfRotated() throws IOException {
      Object key;
      try {
        key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
      } catch (NoSuchFileException e) {
        return; // unlinked: keep reading the old file, as tail -f does
      }
      if (channel != null && key != null && key.equals(fileKey)) {
        return;
      }
      boolean first = channel == null && position < 0;
      closeChannel();
      channel = FileChannel.open(path, StandardOpenOption.READ);
      fileKey = key;
      if (!first) {
        position = 0;
      }
    }

    private void closeChannel() {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // closing a read-only file
        }
        channel = null;
      }
    }
  }
}
