package dev.supervisor4j.ctl.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scripted HTTP server on a unix socket or loopback TCP for client tests: each accepted
 * connection reads one request (head, then a Content-Length body) and runs the next scripted
 * reply, which writes raw bytes. Requests are kept as text for assertions.
 */
public final class FakeHttpServer implements AutoCloseable {
  /** What to do with one connection after its request was read. */
  public interface Reply {
    void write(SocketChannel ch) throws Exception;
  }

  private final ServerSocketChannel server;
  private final LinkedBlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Thread thread;

  private FakeHttpServer(ServerSocketChannel server) {
    this.server = server;
    this.thread = new Thread(this::serve, "fake-http");
    thread.setDaemon(true);
    thread.start();
  }

  public static FakeHttpServer unix(Path socket) throws IOException {
    ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    s.bind(UnixDomainSocketAddress.of(socket));
    return new FakeHttpServer(s);
  }

  public static FakeHttpServer tcp() throws IOException {
    ServerSocketChannel s = ServerSocketChannel.open();
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    return new FakeHttpServer(s);
  }

  public int port() throws IOException {
    return ((InetSocketAddress) server.getLocalAddress()).getPort();
  }

  public FakeHttpServer reply(Reply r) {
    replies.add(r);
    return this;
  }

  /** A complete response with a Content-Length. */
  public FakeHttpServer reply(int status, String reason, String body) {
    return reply(ch -> {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      write(ch, "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/xml\r\nContent-Length: " + b.length
          + "\r\n\r\n");
      ch.write(ByteBuffer.wrap(b));
    });
  }

  public List<String> requests() {
    return requests;
  }

  public static void write(SocketChannel ch, String text) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  private void serve() {
    while (server.isOpen()) {
      try (SocketChannel ch = server.accept()) {
        requests.add(readRequest(ch));
        Reply r = replies.poll(10, TimeUnit.SECONDS);
        if (r != null) {
          r.write(ch);
        }
      } catch (Exception e) {
        if (!server.isOpen()) {
          return;
        }
      }
    }
  }

  private static String readRequest(SocketChannel ch) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    ByteBuffer one = ByteBuffer.allocate(1);
    int bodyLength = -1;
    int headEnd = -1;
    while (true) {
      one.clear();
      if (ch.read(one) <= 0) {
        break;
      }
      all.write(one.get(0));
      String text = all.toString(StandardCharsets.ISO_8859_1);
      if (headEnd < 0 && text.endsWith("\r\n\r\n")) {
        headEnd = text.length();
        int i = text.toLowerCase().indexOf("content-length: ");
        bodyLength = i < 0 ? 0 : Integer.parseInt(text.substring(i + 16, text.indexOf("\r\n", i)).trim());
        if (text.startsWith("GET ")) {
          // supervisorctl's log client sends one more CRLF after the head; read it too.
          bodyLength = 2;
        }
      }
      if (headEnd >= 0 && text.length() - headEnd >= bodyLength) {
        break;
      }
    }
    return all.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
