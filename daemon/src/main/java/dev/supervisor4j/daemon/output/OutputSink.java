package dev.supervisor4j.daemon.output;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a child's output goes, one chunk at a time. Sinks are chained: a stripper or scanner hands
 * what it keeps to the next sink, and the last one is a log file, a capture buffer or a tap.
 *
 * <p>Contract: {@link #write} is called by one thread at a time (the pump's), and the bytes are only
 * valid during the call: the pump reuses its buffer, so a sink that keeps data must copy it. A sink
 * must consume a chunk before returning (block if it has to), never queue it: that is what keeps the
 * child blocked on its pipe instead of growing a buffer when the disk is slow.
 */
public interface OutputSink {
  /** Consumes {@code len} bytes of {@code buf} from {@code off}. {@code len} may be 0. */
  void write(byte[] buf, int off, int len) throws IOException;

  /** The pipe reached end of file. Flushes what the sink still holds, then passes EOF on. */
  default void eof() throws IOException {}

  /** A sink that throws everything away (the pipe must still be drained). */
  OutputSink DISCARD = (buf, off, len) -> {};

  /** A sink that gives every chunk, in order, to each of {@code sinks}. */
  static OutputSink tee(List<OutputSink> sinks) {
    List<OutputSink> copy = List.copyOf(sinks);
    if (copy.isEmpty()) {
      return DISCARD;
    }
    return copy.size() == 1 ? copy.get(0) : new TeeSink(copy);
  }

  /**
   * A sink that hands each non-empty chunk to {@code consumer} as a fresh array (one copy per
   * chunk): the hook for {@code PROCESS_LOG_*} events, which Supervisor emits per read, not per line.
   */
  static OutputSink chunks(Consumer<byte[]> consumer) {
    return new ChunkTap(consumer);
  }
}
