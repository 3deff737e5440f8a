package dev.supervisor4j.daemon.spawn;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Our read end of a child's pipe: a blocking stream on the raw descriptor, or the descriptor itself
 * for a poll loop ({@link PipeReadEnd#takeDescriptor()}), which then owns it.
 */
final class PipeInputStream extends InputStream implements PipeReadEnd {
  private final LibC libc;
  private final int fd;
  private final AtomicBoolean released = new AtomicBoolean();

  PipeInputStream(LibC libc, int fd) {
    this.libc = libc;
    this.fd = fd;
  }

  @Override
  public int takeDescriptor() {
    if (!released.compareAndSet(false, true)) {
      throw new IllegalStateException("the pipe was closed or taken already");
    }
    return fd;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (released.get()) {
      throw new IOException("pipe closed");
    }
    if (len == 0) {
      return 0;
    }
    byte[] into = off == 0 ? b : new byte[len];
    while (true) {
      long n = libc.read(fd, into, len);
      if (n > 0) {
        if (into != b) {
          System.arraycopy(into, 0, b, off, (int) n);
        }
        return (int) n;
      }
      if (n == 0) {
        return -1;
      }
      int errno = LibC.errno();
      if (errno != LibC.EINTR) {
        throw new IOException("read from pipe failed: " + Errno.name(errno));
      }
    }
  }

  @Override
  public void close() {
    if (released.compareAndSet(false, true)) {
      libc.close(fd);
    }
  }
}
