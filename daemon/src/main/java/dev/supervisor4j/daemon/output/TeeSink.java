package dev.supervisor4j.daemon.output;

import java.io.IOException;
import java.util.List;

/**
 * Fans a chunk out to several sinks in order. Every sink gets the chunk even if an earlier one
 * fails; the first failure is rethrown afterwards, so a full disk does not silence the event tap.
 */
final class TeeSink implements OutputSink {
  private final OutputSink[] sinks;

  TeeSink(List<OutputSink> sinks) {
    this.sinks = sinks.toArray(new OutputSink[0]);
  }

  @Override
  public void write(byte[] buf, int off, int len) throws IOException {
    IOException failure = null;
    for (OutputSink sink : sinks) {
      try {
        sink.write(buf, off, len);
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void eof() throws IOException {
    IOException failure = null;
    for (OutputSink sink : sinks) {
      try {
        sink.eof();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
