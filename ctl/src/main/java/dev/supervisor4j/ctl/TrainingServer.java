package dev.supervisor4j.ctl;

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

/**
 * A canned XML-RPC server for {@link CdsTraining}: answers by method name with fixed documents in
 * the exact form supervisord sends. Not a codec: it never parses XML, it only looks for the method
 * name in the request.
 */
final class TrainingServer implements AutoCloseable {
  private static final String HEAD = "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n";
  private static final String TAIL = "</param>\n</params>\n</methodResponse>\n";

  private final ServerSocketChannel server;

  private TrainingServer(ServerSocketChannel server) {
    this.server = server;
    Thread t = new Thread(this::serve, "cds-training-server");
    t.setDaemon(true);
    t.start();
  }

  static TrainingServer unix(Path socket) throws IOException {
    ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    s.bind(UnixDomainSocketAddress.of(socket));
    return new TrainingServer(s);
  }

  static TrainingServer tcp() throws IOException {
    ServerSocketChannel s = ServerSocketChannel.open();
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    return new TrainingServer(s);
  }

  int port() throws IOException {
    return ((InetSocketAddress) server.getLocalAddress()).getPort();
  }

  private void serve() {
    while (server.isOpen()) {
      try (SocketChannel ch = server.accept()) {
        String request = read(ch);
        byte[] body = answer(request).getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 200 OK\r\nServer: Medusa/1.12\r\nContent-Type: text/xml\r\nContent-Length: "
            + body.length + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        ByteBuffer b = ByteBuffer.wrap(out.toByteArray());
        while (b.hasRemaining()) {
          ch.write(b);
        }
      } catch (IOException | RuntimeException e) {
        if (!server.isOpen()) {
          return;
        }
      }
    }
  }

  private static String read(SocketChannel ch) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    ByteBuffer buf = ByteBuffer.allocate(8192);
    while (ch.read(buf) > 0) {
      all.write(buf.array(), 0, buf.position());
      buf.clear();
      String s = all.toString(StandardCharsets.UTF_8);
      if (s.endsWith("</methodCall>\n") || s.endsWith("</methodCall>")) {
        break;
      }
    }
    return all.toString(StandardCharsets.UTF_8);
  }

  private static String answer(String request) {
    if (request.contains("getVersion")) {
      return value("<string>3.0</string>");
    }
    if (request.contains("getSupervisorVersion")) {
      return value("<string>4.2.5</string>");
    }
    if (request.contains("getAllProcessInfo")) {
      return value("<array><data>\n" + info("cat", "cat", 20, "RUNNING", 4242, "pid 4242, uptime 0:01:00")
          + info("grp", "ga", 0, "STOPPED", 0, "Not started") + "</data></array>");
    }
    if (request.contains("readProcessStdoutLog")) {
      return value("<string>some output\nmore output\n</string>");
    }
    if (request.contains("stopProcess")) {
      return value("<boolean>1</boolean>");
    }
    if (request.contains("startProcessGroup")) {
      return value("<array><data>\n<value><struct>\n" + member("name", "<string>ga</string>")
          + member("group", "<string>grp</string>") + member("status", "<int>80</int>")
          + member("description", "<string>OK</string>") + "</struct></value>\n</data></array>");
    }
    return "<?xml version='1.0'?>\n<methodResponse>\n<fault>\n<value><struct>\n" + member("faultCode", "<int>10</int>")
        + member("faultString", "<string>BAD_NAME: nosuch</string>") + "</struct></value>\n</fault>\n</methodResponse>\n";
  }

  private static String value(String v) {
    return HEAD + "<value>" + v + "</value>\n" + TAIL;
  }

  private static String member(String name, String value) {
    return "<member>\n<name>" + name + "</name>\n<value>" + value + "</value>\n</member>\n";
  }

  private static String info(String group, String name, int state, String statename, int pid, String description) {
    return "<value><struct>\n" + member("name", "<string>" + name + "</string>")
        + member("group", "<string>" + group + "</string>") + member("start", "<int>1795486900</int>")
        + member("stop", "<int>0</int>") + member("now", "<int>1795486960</int>")
        + member("state", "<int>" + state + "</int>") + member("statename", "<string>" + statename + "</string>")
        + member("spawnerr", "<string></string>") + member("exitstatus", "<int>0</int>")
        + member("logfile", "<string>/tmp/x.log</string>") + member("stdout_logfile", "<string>/tmp/x.log</string>")
        + member("stderr_logfile", "<string></string>") + member("pid", "<int>" + pid + "</int>")
        + member("description", "<string>" + description + "</string>") + "</struct></value>\n";
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
