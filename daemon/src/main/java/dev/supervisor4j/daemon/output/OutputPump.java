package dev.supervisor4j.daemon.output;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Drains one stream into a sink on a thread of its own: for a child's pipe that has no descriptor
 * to poll (test doubles, a platform without epoll); a real child's pipes go to the
 * {@link PipeLoop}. Blocking reads of up to 64 KiB (a 4 KiB buffer until the child fills it once),
 * each chunk handed straight to the sink through a {@link SinkFeed}: nothing is queued, so when the
 * sink is slow this thread blocks and the child blocks on its pipe. A read failure (the stream was
 * closed under us) counts as end of file.
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
  private final SinkFeed feed;
  private final Thread thread;

  private OutputPump(String threadName, InputStream in, OutputSink sink,
      Consumer<IOException> onSinkError) {
    this.in = Objects.requireNonNull(in, "in");
    this.feed = new SinkFeed(Objects.requireNonNull(sink, "sink"), Objects.requireNonNull(onSinkError, "onSinkError"));
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
    return feed.completion();
  }

  /** Bytes read so far. */
  public long bytesRead() {
    return feed.bytes();
  }

  public String threadName() {
    return thread.getName();
  }

  private void run() {
    byte[] buf = new byte[FIRST_CHUNK];
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
        feed.chunk(buf, n);
        if (n == buf.length && buf.length < CHUNK) {
          buf = new byte[CHUNK]; // a talkative child: read as much as the pipe holds
        }
      }
    } finally {
      try {
        in.close();
      } catch (IOException ignored) {
        // the pipe is done either way
      }
      feed.end();
    }
  }
}
