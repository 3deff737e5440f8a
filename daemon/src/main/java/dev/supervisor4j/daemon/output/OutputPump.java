package dev.supervisor4j.daemon.output;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Drains one child pipe into a sink on a dedicated thread: blocking reads of up to 64 KiB (a 4 KiB
 * buffer until the child fills it once), each chunk handed straight to the sink, one reused buffer,
 * no per-byte work here. Nothing is queued between the
 * read and the sink, so when the disk is slow this thread blocks and the child blocks on its pipe;
 * no byte is dropped and no buffer grows.
 *
 * <p>Why a platform thread per pipe rather than a selector or a shared pool: a blocking read is the
 * cheapest way to move bytes from a pipe, a child's output then never waits behind another's, and
 * the cost is one thread with a 256 KiB stack per channel (Supervisor itself is one poll loop; a few
 * hundred programs stay well within what Linux handles).
 *
 * <p>A sink failure (disk full, a closed file) is reported through {@code onSinkError}, once per run
 * of failures, and that chunk is lost, but the pump keeps draining: blocking the child forever on a
 * broken log would be worse, and it is what supervisord does (it prints the error and goes on). A
 * RuntimeException from a sink is reported the same way, so a bug in a sink cannot leave a child
 * blocked on a full pipe. A read failure (the stream was closed under us) counts as end of file.
 *
 * <p>At end of file the pump calls {@link OutputSink#eof()} (so scanners flush what they held) and
 * completes {@link #completion()} with the number of bytes read. The process actor waits for the
 * child's exit, not for this: a grandchild may keep the pipe open long after.
 */
public final class OutputPump {
  /** Bytes per read: the default Linux pipe capacity, so one read usually empties the pipe. */
  public static final int CHUNK = 64 * 1024;
  /**
   * The first buffer. Most children say little, and 500 programs with two pipes each would hold
   * 64 MB of idle 64 KiB buffers; a pipe whose read fills this buffer gets a {@link #CHUNK} one.
   */
  static final int FIRST_CHUNK = 4 * 1024;
  private static final long STACK_SIZE = 256 * 1024;

  private final InputStream in;
  private final OutputSink sink;
  private final Consumer<IOException> onSinkError;
  private final CompletableFuture<Long> completion = new CompletableFuture<>();
  private final AtomicLong bytesRead = new AtomicLong();
  private final Thread thread;

  private OutputPump(String threadName, InputStream in, OutputSink sink,
      Consumer<IOException> onSinkError) {
    this.in = Objects.requireNonNull(in, "in");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.onSinkError = Objects.requireNonNull(onSinkError, "onSinkError");
    this.thread = new Thread(null, this::run, threadName, STACK_SIZE);
    this.thread.setDaemon(true);
  }

  /**
   * Starts a pump thread named {@code out-<processName>-<channel>}.
   *
   * @param channel     {@code stdout} or {@code stderr}
   * @param onSinkError told when the sink fails (first failure of a run); must not block for long
   */
  public static OutputPump start(String processName, String channel, InputStream in,
      OutputSink sink, Consumer<IOException> onSinkError) {
    OutputPump pump = new OutputPump("out-" + processName + "-" + channel, in, sink, onSinkError);
    pump.thread.start();
    return pump;
  }

  /** Completes after end of file and {@code sink.eof()}, with the number of bytes read. Never fails. */
  public CompletionStage<Long> completion() {
    return completion;
  }

  /** Bytes read so far. */
  public long bytesRead() {
    return bytesRead.get();
  }

  public String threadName() {
    return thread.getName();
  }

  private void run() {
    byte[] buf = new byte[FIRST_CHUNK];
    boolean failing = false;
    try {
      while (true) {
        int n;
        try {
          n = in.read(buf, 0, buf.length);
        } catch (IOException closedUnderUs) {
          break;
        }
        if (n < 0) {
          break;
        }
        bytesRead.addAndGet(n);
        try {
          sink.write(buf, 0, n);
          failing = false;
        } catch (IOException | RuntimeException e) {
          if (!failing) {
            onSinkError.accept(asIo(e));
          }
          failing = true;
        }
        if (n == buf.length && buf.length < CHUNK) {
          buf = new byte[CHUNK]; // a talkative child: read as much as the pipe holds
        }
      }
      try {
        sink.eof();
      } catch (IOException | RuntimeException e) {
        onSinkError.accept(asIo(e));
      }
    } finally {
      try {
        in.close();
      } catch (IOException ignored) {
        // the pipe is done either way
      }
      completion.complete(bytesRead.get());
    }
  }

  /** A bug in a sink is reported like an I/O failure: the pipe must keep draining either way. */
  private static IOException asIo(Exception e) {
    return e instanceof IOException io ? io : new IOException("output sink failed: " + e, e);
  }
}
