package dev.supervisor4j.daemon.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Capture mode ({@code *_capture_maxbytes} > 0): splits the stream at
 * {@code <!--XSUPERVISOR:BEGIN-->} and {@code <!--XSUPERVISOR:END-->}. Bytes outside the tokens go
 * to {@code normal}; bytes between them go to {@code captured}; the tokens themselves go nowhere.
 * Each END runs {@code onEnd} (which emits {@code PROCESS_COMMUNICATION_*} from the capture buffer).
 *
 * <p>A chunk that ends with a proper prefix of the token being looked for keeps that prefix (at most
 * 23 bytes) until the next chunk; only then is one chunk-sized copy made, to glue the two.
 * Supervisor also holds back any buffer no longer than the token, so short output such as
 * {@code after\n} can sit there until more comes and is lost at exit. We deliberately differ: we hold
 * only a real token prefix, and {@link #eof()} flushes it to the current side. Content and order are
 * otherwise the same. Cost: one scan of every byte for {@code <}, only when capture is on.
 */
final class CaptureScanner implements OutputSink {
  static final byte[] BEGIN = "<!--XSUPERVISOR:BEGIN-->".getBytes(StandardCharsets.US_ASCII);
  static final byte[] END = "<!--XSUPERVISOR:END-->".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NONE = new byte[0];

  /** What to do when a capture ends. */
  @FunctionalInterface
  interface EndHandler {
    void captureEnded() throws IOException;
  }

  private final OutputSink normal;
  private final OutputSink captured;
  private final EndHandler onEnd;
  private boolean capturing;
  private byte[] held = NONE;

  CaptureScanner(OutputSink normal, OutputSink captured, EndHandler onEnd) {
    this.normal = normal;
    this.captured = captured;
    this.onEnd = onEnd;
  }

  /** True between a BEGIN and its END. */
  boolean capturing() {
    return capturing;
  }

  @Override
  public void write(byte[] buf, int off, int len) throws IOException {
    if (held.length > 0) {
      byte[] joined = Arrays.copyOf(held, held.length + len);
      System.arraycopy(buf, off, joined, held.length, len);
      held = NONE;
      scan(joined, 0, joined.length);
    } else {
      scan(buf, off, len);
    }
  }

  private void scan(byte[] buf, int off, int len) throws IOException {
    int end = off + len;
    int pos = off;
    while (pos < end) {
      byte[] token = capturing ? END : BEGIN;
      int at = indexOf(buf, pos, end, token);
      if (at < 0) {
        int keep = prefixAtEnd(buf, pos, end, token);
        emit(buf, pos, end - keep - pos);
        if (keep > 0) {
          held = Arrays.copyOfRange(buf, end - keep, end);
        }
        return;
      }
      emit(buf, pos, at - pos);
      pos = at + token.length;
      capturing = !capturing;
      if (!capturing) {
        onEnd.captureEnded();
      }
    }
  }

  @Override
  public void eof() throws IOException {
    if (held.length > 0) {
      byte[] rest = held;
      held = NONE;
      emit(rest, 0, rest.length);
    }
    normal.eof();
    captured.eof();
  }

  private void emit(byte[] buf, int off, int len) throws IOException {
    if (len > 0) { // supervisord: _log() ignores empty data
      (capturing ? captured : normal).write(buf, off, len);
    }
  }

  static int indexOf(byte[] buf, int from, int end, byte[] token) {
    byte first = token[0];
    int last = end - token.length;
    outer:
    for (int i = from; i <= last; i++) {
      if (buf[i] != first) {
        continue;
      }
      for (int j = 1; j < token.length; j++) {
        if (buf[i + j] != token[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The length of the longest proper prefix of {@code token} that {@code buf[from, end)} ends with. */
  static int prefixAtEnd(byte[] buf, int from, int end, byte[] token) {
    for (int k = Math.min(token.length - 1, end - from); k > 0; k--) {
      if (Arrays.equals(buf, end - k, end, token, 0, k)) {
        return k;
      }
    }
    return 0;
  }
}
