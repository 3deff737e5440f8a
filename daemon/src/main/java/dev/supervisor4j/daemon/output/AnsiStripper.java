package dev.supervisor4j.daemon.output;

import java.io.IOException;
import java.util.Arrays;

/**
 * {@code strip_ansi}: removes every sequence that starts with ESC {@code [} and ends at the first of
 * {@code H f A B C D R s u J K h l p m} (the terminator goes too), as Supervisor's
 * {@code stripEscapes} does. A lone ESC not followed by {@code [} is kept.
 *
 * <p>Unlike Supervisor, which strips each read on its own, the state spans chunk boundaries: a
 * sequence cut by a read is still removed, and an ESC that ends a chunk is held (one byte) until the
 * next chunk shows whether a {@code [} follows; at EOF a held ESC is written out. The cost is a scan
 * of every byte for ESC, only when strip_ansi is on. A chunk with no ESC goes through as is; otherwise
 * the kept runs are copied into one reused array and passed on in a single write, so a coloured line
 * costs one file write, not one per run. That array grows to at most one chunk (+1 byte).
 */
final class AnsiStripper implements OutputSink {
  private static final byte ESC = 0x1b;
  private static final boolean[] TERMINATOR = new boolean[256];

  static {
    for (char c : "HfABCDRsuJKhlpm".toCharArray()) {
      TERMINATOR[c] = true;
    }
  }

  private final OutputSink next;
  private boolean inSequence; // inside ESC [ ..., waiting for a terminator
  private boolean heldEsc; // the previous chunk ended with ESC
  private byte[] out = new byte[256];
  private int outLen;

  AnsiStripper(OutputSink next) {
    this.next = next;
  }

  @Override
  public void write(byte[] buf, int off, int len) throws IOException {
    int end = off + len;
    int pos = off;
    outLen = 0;
    if (heldEsc && len > 0) {
      heldEsc = false;
      if (buf[off] == '[') {
        inSequence = true;
        pos = off + 1;
      } else {
        append(new byte[] {ESC}, 0, 1);
      }
    }
    while (pos < end) {
      if (inSequence) {
        int t = indexOfTerminator(buf, pos, end);
        if (t < 0) {
          pos = end;
          break;
        }
        inSequence = false;
        pos = t + 1;
        continue;
      }
      int e = indexOfEsc(buf, pos, end);
      if (e < 0) {
        if (pos == off && outLen == 0) {
          next.write(buf, off, len); // nothing stripped: no copy
          return;
        }
        append(buf, pos, end - pos);
        break;
      }
      append(buf, pos, e - pos);
      if (e + 1 == end) {
        heldEsc = true;
        pos = end;
      } else if (buf[e + 1] == '[') {
        inSequence = true;
        pos = e + 2;
      } else {
        append(buf, e, 1);
        pos = e + 1;
      }
    }
    if (outLen > 0) {
      next.write(out, 0, outLen);
    }
  }

  @Override
  public void eof() throws IOException {
    if (heldEsc) {
      heldEsc = false;
      next.write(new byte[] {ESC}, 0, 1);
    }
    next.eof();
  }

  private void append(byte[] buf, int off, int len) {
    if (len == 0) {
      return;
    }
    if (outLen + len > out.length) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, outLen + len));
    }
    System.arraycopy(buf, off, out, outLen, len);
    outLen += len;
  }

  private static int indexOfEsc(byte[] buf, int from, int end) {
    for (int i = from; i < end; i++) {
      if (buf[i] == ESC) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOfTerminator(byte[] buf, int from, int end) {
    for (int i = from; i < end; i++) {
      if (TERMINATOR[buf[i] & 0xff]) {
        return i;
      }
    }
    return -1;
  }
}
