package dev.supervisor4j.daemon.output;

import java.util.Arrays;
import java.util.function.Consumer;

/** Copies each non-empty chunk into its own array for a consumer that may keep it. */
final class ChunkTap implements OutputSink {
  private final Consumer<byte[]> consumer;

  ChunkTap(Consumer<byte[]> consumer) {
    this.consumer = consumer;
  }

  @Override
  public void write(byte[] buf, int off, int len) {
    if (len > 0) {
      consumer.accept(Arrays.copyOfRange(buf, off, off + len));
    }
  }
}
