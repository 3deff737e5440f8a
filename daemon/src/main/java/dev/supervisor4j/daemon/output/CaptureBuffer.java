package dev.supervisor4j.daemon.output;

import java.util.Arrays;

/**
 * The in-memory capture log ({@code BoundIO} in Supervisor). Supervisor's overflow rule is kept
 * exactly: when a write would take the buffer past {@code maxBytes}, as many bytes as the write
 * holds are dropped from the front, and then the write is appended. So the buffer may exceed
 * {@code maxBytes} by up to one write, and is bounded by {@code max(maxBytes, largest write)};
 * writes are at most one pipe read (64 KiB) plus a held token prefix.
 */
final class CaptureBuffer implements OutputSink {
  private final long maxBytes;
  private byte[] data = new byte[0];

  CaptureBuffer(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void write(byte[] buf, int off, int len) {
    byte[] kept = data;
    int keptFrom = 0;
    if ((long) kept.length + len > maxBytes) {
      keptFrom = Math.min(len, kept.length); // supervisord: self.buf = self.buf[blen:]
    }
    byte[] next = Arrays.copyOfRange(kept, keptFrom, kept.length + len);
    System.arraycopy(buf, off, next, kept.length - keptFrom, len);
    data = next;
  }

  /** Returns the captured bytes and empties the buffer. */
  byte[] drain() {
    byte[] out = data;
    data = new byte[0];
    return out;
  }

  int size() {
    return data.length;
  }
}
