package dev.supervisor4j.http.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A byte-exact HTTP/1.1 client over a TCP or unix socket, so tests see exactly what goes over the
 * wire (chunk sizes, header spelling). Reads block; tests bound them with JUnit's {@code @Timeout},
 * which interrupts the blocked read.
 */
public final class RawHttp implements AutoCloseable {
  private final SocketChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).flip();

  private RawHttp(SocketChannel channel) {
    this.channel = channel;
  }

  public static RawHttp connect(SocketAddress address) throws IOException {
    return new RawHttp(SocketChannel.open(address));
  }

  /** A status line, headers in order, and a body (empty until read). */
  public record Response(String statusLine, List<String[]> headers, byte[] body) {
    public int status() {
      return Integer.parseInt(statusLine.split(" ")[1]);
    }

    public Optional<String> header(String name) {
      return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  public RawHttp send(String text) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    return this;
  }

  /** Half-closes: the server sees the end of the requests, and we can still read. */
  public RawHttp shutdownOutput() throws IOException {
    channel.shutdownOutput();
    return this;
  }

  /** Sends a request and reads a whole response with a Content-Length (or none: empty body). */
  public Response exchange(String request) throws IOException {
    send(request);
    Response head = readHead();
    int length = head.header("Content-Length").map(Integer::parseInt).orElse(0);
    return new Response(head.statusLine(), head.headers(), readBytes(length));
  }

  public Response readHead() throws IOException {
    String status = readLine();
    List<String[]> headers = new ArrayList<>();
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      headers.add(new String[] {line.substring(0, colon), line.substring(colon + 1).strip()});
    }
    return new Response(status, headers, new byte[0]);
  }

  /** One chunk of a chunked body: its data, or empty for the last chunk. */
  public String readChunk() throws IOException {
    String sizeLine = readLine();
    int size = Integer.parseInt(sizeLine, 16);
    byte[] data = readBytes(size);
    String end = readLine();
    if (!end.isEmpty()) {
      throw new IOException("chunk not followed by CRLF: " + end);
    }
    return new String(data, StandardCharsets.UTF_8);
  }

  /** The raw size line of the next chunk, e.g. {@code "5"}; the data stays unread. */
  public String readChunkSizeLine() throws IOException {
    return readLine();
  }

  public byte[] readBytes(int count) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(count);
    while (out.size() < count) {
      if (!fill()) {
        throw new IOException("closed after " + out.size() + " of " + count + " bytes");
      }
      int take = Math.min(count - out.size(), buffer.remaining());
      byte[] part = new byte[take];
      buffer.get(part);
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** Reads whatever arrives until the server closes the connection. */
  public byte[] readToEnd() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (fill()) {
      byte[] part = new byte[buffer.remaining()];
      buffer.get(part);
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** True when the server has closed the connection (blocks until data or close). */
  public boolean serverClosed() throws IOException {
    try {
      return !fill();
    } catch (IOException e) {
      return true; // reset by peer
    }
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      if (!fill()) {
        throw new IOException("closed in the middle of a line: " + line);
      }
      byte b = buffer.get();
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
  }

  /** Makes sure the buffer holds at least one byte; false at end of stream. */
  private boolean fill() throws IOException {
    if (buffer.hasRemaining()) {
      return true;
    }
    buffer.clear();
    int n = channel.read(buffer);
    buffer.flip();
    return n > 0;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
