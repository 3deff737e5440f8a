package dev.supervisor4j.daemon.output;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What a drained pipe's chunks go through on their way to its sink, whoever reads the pipe
 * ({@link PipeLoop} or {@link OutputPump}): one chunk at a time, in order, never concurrently.
 *
 * <p>A sink failure (disk full, a closed file) is reported through {@code onSinkError}, once per run
 * of failures, and that chunk is lost, but draining goes on: blocking the child forever on a broken
 * log would be worse, and it is what supervisord does (it prints the error and goes on). A
 * RuntimeException from a sink is reported the same way, so a bug in a sink cannot leave a child
 * blocked on a full pipe. At the end, {@link OutputSink#eof()} lets scanners flush what they held,
 * and {@link #completion()} completes with the number of bytes read.
 */
final class SinkFeed {
  private final OutputSink sink;
  private final Consumer<IOException> onSinkError;
  private final CompletableFuture<Long> completion = new CompletableFuture<>();
  private final AtomicLong bytes = new AtomicLong();
  private boolean failing;

  SinkFeed(OutputSink sink, Consumer<IOException> onSinkError) {
    this.sink = sink;
    this.onSinkError = onSinkError;
  }

  void chunk(byte[] buf, int n) {
    bytes.addAndGet(n);
    try {
      sink.write(buf, 0, n);
      failing = false;
    } catch (IOException | RuntimeException e) {
      if (!failing) {
        onSinkError.accept(asIo(e));
      }
      failing = true;
    }
  }

  /** End of the pipe: the sink's eof, then completion. */
  void end() {
    try {
      sink.eof();
    } catch (IOException | RuntimeException e) {
      onSinkError.accept(asIo(e));
    } finally {
      completion.complete(bytes.get());
    }
  }

  /** Completes after end of file and {@code sink.eof()}, with the number of bytes read. Never fails. */
  CompletionStage<Long> completion() {
    return completion;
  }

  long bytes() {
    return bytes.get();
  }

  /** A bug in a sink is reported like an I/O failure: the pipe must keep draining either way. */
  private static IOException asIo(Exception e) {
    return e instanceof IOException io ? io : new IOException("output sink failed: " + e, e);
  }
}
