package dev.supervisor4j.daemon.spawn;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Our read end of a child's pipe. It delegates only the plain reads to the {@link FileInputStream}.
 *
 * <p>Why: JDK 17's {@code FileInputStream.readAllBytes()} and {@code readNBytes()} ask for the file
 * position first, and on a pipe that fails with {@code IOException: Illegal seek}. The
 * inherited {@link InputStream} versions just loop over {@link #read(byte[], int, int)}, so they
 * work on pipes. Each read is still one read(2) into the caller's buffer, with no copy of our own.
 */
final class PipeInputStream extends InputStream {
  private final FileInputStream in;

  PipeInputStream(FileInputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    return in.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return in.read(b, off, len);
  }

  @Override
  public int available() throws IOException {
    return in.available();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
