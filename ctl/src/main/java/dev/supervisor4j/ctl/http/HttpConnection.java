package dev.supervisor4j.ctl.http;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One blocking HTTP/1.1 connection over a {@link SocketChannel} (unix or TCP), with the reading
 * primitives the client needs: a line, exactly n bytes, whatever has arrived. A small hand-made
 * client because {@code java.net.http} adds about a second of start-up and cannot use unix
 * sockets (design §8). Not thread-safe, except {@link #close()}, which may be called from another
 * thread to end a blocked read (Ctrl-C in {@code tail -f}).
 */
public final class HttpConnection implements Closeable {
  private final SocketChannel channel;
  private final ByteBuffer in = ByteBuffer.allocate(65536);

  HttpConnection(SocketChannel channel) {
    this.channel = channel;
    in.flip();
  }

  /** Connects to the endpoint. */
  public static HttpConnection open(Endpoint endpoint) {
    return new HttpConnection(endpoint.connect());
  }

  /** Writes all of {@code bytes}. */
  public void write(byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) {
      channel.write(b);
    }
  }

  /**
   * Reads a line ending in LF (a CR before it is dropped) as ISO-8859-1 text, as HTTP heads are.
   * Returns null at end of stream before any byte.
   */
  public String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    while (true) {
      if (!in.hasRemaining() && !fill()) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
      }
      byte b = in.get();
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
          len--;
        }
        return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
  }

  /** Reads exactly {@code n} bytes. */
  public byte[] readExactly(int n) throws IOException {
    byte[] out = new byte[n];
    int off = 0;
    while (off < n) {
      if (!in.hasRemaining() && !fill()) {
        throw new EOFException("connection closed after " + off + " of " + n + " bytes");
      }
      int k = Math.min(in.remaining(), n - off);
      in.get(out, off, k);
      off += k;
    }
    return out;
  }

  /** Reads at most {@code max} bytes, blocking until at least one arrives; null at end of stream. */
  public byte[] readSome(int max) throws IOException {
    if (!in.hasRemaining() && !fill()) {
      return null;
    }
    byte[] out = new byte[Math.min(max, in.remaining())];
    in.get(out);
    return out;
  }

  /** Reads until the peer closes. */
  public byte[] readToEnd() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] some;
    while ((some = readSome(65536)) != null) {
      out.write(some, 0, some.length);
    }
    return out.toByteArray();
  }

  private boolean fill() throws IOException {
    in.clear();
    int n = channel.read(in);
    in.flip();
    return n > 0;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing is best effort; the peer may be gone already.
    }
  }
}
