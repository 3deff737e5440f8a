package dev.supervisor4j.daemon.output;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Every child pipe of the daemon, drained by one epoll thread and a few writer threads, however
 * many programs there are (Supervisor is one poll loop too).
 *
 * <p>The loop thread only waits and reads: each pipe is registered one-shot, and when it is
 * readable the loop reads one chunk (up to 64 KiB, the pipe's default capacity; 4 KiB until the
 * pipe once fills that) into the pipe's own buffer and hands it to a writer thread, which gives it
 * to the sink (files, events, the main log) and only then re-arms the pipe. So a pipe has at most
 * one chunk in flight: no byte is reordered, no buffer grows, and a child that writes faster than
 * its sink takes is slowed by its full pipe, never dropped. A slow disk holds up writers, not the
 * loop: the other pipes go on being read while writers are free. End of file (every writer of the
 * pipe closed it) ends the sink and closes our descriptor.
 */
public final class PipeLoop {
  /** Bytes per read at most: the default Linux pipe capacity. */
  static final int CHUNK = OutputPump.CHUNK;
  static final int FIRST_CHUNK = OutputPump.FIRST_CHUNK;
  private static final int MAX_EVENTS = 64;
  /** Writers: a slow sink holds one; the disk rarely takes more than two writers at once. */
  private static final int WRITERS = 2;
  private static final long STACK_SIZE = 256 * 1024;

  private static PipeLoop shared;

  private final int epfd;
  private final Map<Long, Pipe> pipes = new ConcurrentHashMap<>();
  private final AtomicLong tokens = new AtomicLong();
  private final ExecutorService writers;
  private final Consumer<String> onLoopError;

  private PipeLoop(int epfd, int writerThreads, Consumer<String> onLoopError) {
    this.epfd = epfd;
    this.onLoopError = onLoopError;
    AtomicInteger n = new AtomicInteger();
    this.writers = Executors.newFixedThreadPool(writerThreads, r -> {
      Thread t = new Thread(null, r, "pipe-writer-" + n.incrementAndGet(), STACK_SIZE);
      t.setDaemon(true);
      return t;
    });
  }

  /** The daemon's loop, started on first use. */
  public static synchronized PipeLoop shared(Consumer<String> onLoopError) {
    if (shared == null) {
      shared = start(WRITERS, onLoopError);
    }
    return shared;
  }

  /** A loop of its own (tests). */
  static PipeLoop start(int writerThreads, Consumer<String> onLoopError) {
    int epfd = PipeCalls.epoll_create1(PipeCalls.EPOLL_CLOEXEC);
    if (epfd < 0) {
      throw new IllegalStateException("epoll_create1 failed: errno " + Native.getLastError());
    }
    PipeLoop loop = new PipeLoop(epfd, writerThreads, onLoopError);
    Thread t = new Thread(null, loop::run, "pipes", STACK_SIZE);
    t.setDaemon(true);
    t.start();
    return loop;
  }

  /**
   * Drains {@code fd} (our read end of a pipe, which the loop now owns and closes at its end) into
   * {@code sink}.
   *
   * @param onSinkError told when the sink fails (first failure of a run); must not block for long
   * @return completes after end of file and {@code sink.eof()}, with the number of bytes read
   */
  public CompletionStage<Long> drain(int fd, OutputSink sink, Consumer<IOException> onSinkError) {
    Pipe pipe = new Pipe(tokens.incrementAndGet(), fd, new SinkFeed(sink, onSinkError));
    int flags = PipeCalls.fcntl(fd, PipeCalls.F_GETFL, 0);
    if (flags < 0 || PipeCalls.fcntl(fd, PipeCalls.F_SETFL, flags | PipeCalls.O_NONBLOCK) < 0) {
      onLoopError.accept("cannot make pipe " + fd + " non-blocking: errno " + Native.getLastError());
    }
    pipes.put(pipe.token, pipe);
    if (!arm(pipe, PipeCalls.EPOLL_CTL_ADD)) {
      writers.execute(() -> end(pipe));
    }
    return pipe.feed.completion();
  }

  /** Pipes being drained now. */
  public int pipes() {
    return pipes.size();
  }

  private void run() {
    try (Memory events = new Memory((long) PipeCalls.EVENT_SIZE * MAX_EVENTS);
        Memory buffer = new Memory(CHUNK)) {
      while (true) {
        int n = PipeCalls.epoll_wait(epfd, events, MAX_EVENTS, -1);
        if (n < 0) {
          int errno = Native.getLastError();
          if (errno == PipeCalls.EINTR) {
            continue;
          }
          onLoopError.accept("epoll_wait failed: errno " + errno + "; child output is no longer read");
          return;
        }
        for (int i = 0; i < n; i++) {
          Pipe pipe = pipes.get(events.getLong((long) i * PipeCalls.EVENT_SIZE + PipeCalls.EVENT_DATA));
          if (pipe != null) {
            readOnce(pipe, buffer);
          }
        }
      }
    }
  }

  /** One read of a readable pipe; its chunk (or its end) goes to a writer. */
  private void readOnce(Pipe pipe, Memory buffer) {
    byte[] buf = pipe.buf;
    long n = PipeCalls.read(pipe.fd, buffer, buf.length);
    if (n > 0) {
      buffer.read(0, buf, 0, (int) n);
      writers.execute(() -> write(pipe, (int) n));
    } else if (n == 0) {
      writers.execute(() -> end(pipe));
    } else {
      int errno = Native.getLastError();
      if (errno == PipeCalls.EAGAIN || errno == PipeCalls.EINTR) {
        if (!arm(pipe, PipeCalls.EPOLL_CTL_MOD)) {
          writers.execute(() -> end(pipe));
        }
      } else {
        writers.execute(() -> end(pipe)); // EIO and the like: as the stream pump, an end of file
      }
    }
  }

  private void write(Pipe pipe, int n) {
    byte[] buf = pipe.buf;
    pipe.feed.chunk(buf, n);
    // A talkative child gets a buffer as big as its pipe. Written every time: this volatile write,
    // seen by the loop's read of it for the next chunk, is what orders that chunk's writer (maybe
    // another thread) after everything this one did in the sink.
    pipe.buf = n == buf.length && buf.length < CHUNK ? new byte[CHUNK] : buf;
    if (!arm(pipe, PipeCalls.EPOLL_CTL_MOD)) {
      end(pipe);
    }
  }

  private void end(Pipe pipe) {
    if (pipes.remove(pipe.token) == null) {
      return;
    }
    PipeCalls.epoll_ctl(epfd, PipeCalls.EPOLL_CTL_DEL, pipe.fd, null);
    PipeCalls.close(pipe.fd);
    pipe.feed.end();
  }

  /** Asks for one more readiness event of the pipe (one-shot: none while a chunk is in flight). */
  private boolean arm(Pipe pipe, int op) {
    Memory event = EVENT.get();
    event.setInt(0, PipeCalls.EPOLLIN | PipeCalls.EPOLLONESHOT);
    event.setLong(PipeCalls.EVENT_DATA, pipe.token);
    if (PipeCalls.epoll_ctl(epfd, op, pipe.fd, event) == 0) {
      return true;
    }
    onLoopError.accept("epoll_ctl on pipe " + pipe.fd + " failed: errno " + Native.getLastError());
    return false;
  }

  /** One {@code struct epoll_event} per thread that arms pipes (the loop and the writers). */
  private static final ThreadLocal<Memory> EVENT = ThreadLocal.withInitial(() -> new Memory(PipeCalls.EVENT_SIZE));

  /** One drained pipe. Its buffer is touched by one thread at a time: the loop, then a writer. */
  private static final class Pipe {
    final long token;
    final int fd;
    final SinkFeed feed;
    /** Volatile: written by each chunk's writer before re-arming, read by the loop for the next. */
    volatile byte[] buf = new byte[FIRST_CHUNK];

    Pipe(long token, int fd, SinkFeed feed) {
      this.token = token;
      this.fd = fd;
      this.feed = feed;
    }
  }
}
