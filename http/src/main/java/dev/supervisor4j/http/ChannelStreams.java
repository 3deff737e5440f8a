package dev.supervisor4j.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;

/**
 * Blocking streams over one connected {@link SocketChannel}, for Pekko's {@code StreamConverters}.
 *
 * <p>Not {@code Channels.newInputStream/newOutputStream}: both of those take the channel's
 * blockingLock, so a reader blocked waiting for the next request keeps the writer from sending the
 * response — a deadlock on JDK 17 (verified). A SocketChannel itself allows one reader and one
 * writer at the same time.
 */
final class ChannelStreams {
  private ChannelStreams() {}

  /** Reads until the peer closes; closing it only shuts down the read side. */
  static final class Input extends InputStream {
    private final SocketChannel channel;

    Input(SocketChannel channel) {
      this.channel = channel;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      try {
        return channel.read(ByteBuffer.wrap(buffer, offset, length));
      } catch (ClosedChannelException e) {
        return -1; // closed by our side, which is how a connection ends here
      }
    }

    @Override
    public void close() {
      // The response may still be going out: stop reading, but leave the channel to Output.
      try {
        if (channel.isOpen()) {
          channel.shutdownInput();
        }
      } catch (IOException e) {
        // already gone
      }
    }
  }

  /** Writes everything it is given; closing it closes the channel, which also ends Input. */
  static final class Output extends OutputStream {
    static final int SLICE = 64 * 1024;
    private final SocketChannel channel;

    Output(SocketChannel channel) {
      this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    /**
     * Writes in slices of at most {@link #SLICE} bytes: the JDK copies a heap buffer through a
     * temporary direct buffer as large as what is written, and keeps one per thread. Whole
     * responses (getAllProcessInfo of 500 is 650 KB) on a few hundred connection threads used to
     * exhaust the direct memory limit (the heap's size) and end the daemon.
     */
    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
      for (int at = offset, end = offset + length; at < end; ) {
        ByteBuffer slice = ByteBuffer.wrap(buffer, at, Math.min(SLICE, end - at));
        while (slice.hasRemaining()) {
          channel.write(slice);
        }
        at = slice.position();
      }
    }

    @Override
    public void close() {
      closeQuietly(channel);
    }
  }

  static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing more to do with it
    }
  }
}
