package dev.supervisor4j.daemon.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.compat.RealSupervisorPorts;
import dev.supervisor4j.daemon.testing.DaemonProcess;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 §8: a daemon with 500 running programs, 16 clients reusing HTTP/1.1 keep-alive
 * connections (some pausing between calls), 2 more on the unix socket, and 2 opening a connection
 * per call, for 20 s: every request gets a response. A connection may only end where the server
 * said so ({@code Connection: close}); a read that meets the end of the stream instead is what
 * Python reports as "Remote end closed connection without response".
 *
 * <p>The cause found for the report was the 60 s idle timeout: Supervisor practically never closes
 * a kept-alive connection, so clients reuse one after any pause, and the report's benchmark reused
 * connections left idle while it waited for 500 programs to start. That part is covered without
 * waiting a minute by {@code ConnectionWatchTest}; this test guards the rest (races at close, limits,
 * the watch under load). Tagged "storm" to run on its own: {@code mvn -pl daemon -am verify
 * -Dgroups=storm}.
 */
@Tag("os")
@Tag("storm")
@Timeout(180)
class KeepAliveStormOsTest {
  private static final int PROGRAMS = 500;
  private static final Duration LOAD = Duration.ofSeconds(20);
  private static final int MAX_CALLS_PER_CLIENT = 100_000;

  @TempDir Path dir;

  private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();

  @Test
  void everyKeptAliveOrFreshRequestGetsAResponseWhile500ProgramsRun() throws Exception {
    int port = RealSupervisorPorts.free();
    Path sock = dir.resolve("s.sock");
    String config = LifecycleOsTest.header()
        + "[unix_http_server]\nfile=%(here)s/s.sock\n"
        + "[inet_http_server]\nport=127.0.0.1:" + port + "\n"
        + "[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n"
        + "[program:p]\ncommand=sleep 1000\nprocess_name=%(program_name)s_%(process_num)03d\nnumprocs=" + PROGRAMS
        + "\nstartsecs=0\nstopwaitsecs=5\n";
    SocketAddress tcp = new InetSocketAddress("127.0.0.1", port);
    SocketAddress unix = UnixDomainSocketAddress.of(sock);
    try (DaemonProcess d = DaemonProcess.start(dir, config)) {
      long started = System.nanoTime();
      awaitAllRunning(d, tcp);
      System.out.printf("all %d RUNNING after %.1f s%n", PROGRAMS, (System.nanoTime() - started) / 1e9);

      long deadline = System.nanoTime() + LOAD.toNanos();
      List<Thread> clients = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        boolean pauses = i % 4 == 0;
        clients.add(new Thread(() -> keepAlive(tcp, deadline, pauses), "keep-alive-" + i));
      }
      for (int i = 0; i < 2; i++) {
        clients.add(new Thread(() -> keepAlive(unix, deadline, false), "keep-alive-unix-" + i));
        clients.add(new Thread(() -> connectionPerCall(tcp, deadline), "fresh-" + i));
      }
      clients.forEach(Thread::start);
      for (Thread t : clients) {
        t.join(LOAD.plusSeconds(60).toMillis());
      }
      System.out.println("outcomes: " + outcomes);
      assertEquals(0, count("closed without response"), outcomes.toString());
      assertEquals(0, count("failed"), outcomes.toString());
      assertTrue(count("ok") > 100, outcomes.toString());
      assertTrue(d.process().isAlive());
    }
  }

  private long count(String outcome) {
    AtomicLong n = outcomes.get(outcome);
    return n == null ? 0 : n.get();
  }

  private void record(String outcome) {
    outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
  }

  private void awaitAllRunning(DaemonProcess d, SocketAddress tcp) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    Connection c = null;
    while (System.nanoTime() < until) {
      try {
        if (c == null) {
          c = Connection.open(tcp);
        }
        String body = c.call(body("supervisor.getAllProcessInfo", "")).body();
        if (body.split("<string>RUNNING</string>", -1).length - 1 == PROGRAMS) {
          c.close();
          return;
        }
      } catch (IOException e) {
        if (c != null) {
          c.close();
        }
        c = null; // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not all RUNNING\n" + d.mainLog());
  }

  private void keepAlive(SocketAddress where, long deadline, boolean pauses) {
    Connection c = null;
    for (int i = 0; i < MAX_CALLS_PER_CLIENT && System.nanoTime() < deadline; i++) {
      try {
        if (c == null) {
          c = Connection.open(where);
        }
        Response r = c.call(nextCall(i));
        record(r.status() == 200 ? "ok" : "failed");
        if (r.closes()) {
          record("closed by the server, announced");
          c.close();
          c = null;
        }
        if (pauses && i % 10 == 9) {
          Thread.sleep(ThreadLocalRandom.current().nextInt(500, 2_000));
        }
      } catch (EOFException e) {
        record("closed without response");
        c.close();
        c = null;
      } catch (IOException | InterruptedException e) {
        record("failed");
        System.out.println(Thread.currentThread().getName() + ": " + e);
        if (c != null) {
          c.close();
        }
        c = null;
      }
    }
    if (c != null) {
      c.close();
    }
  }

  private void connectionPerCall(SocketAddress where, long deadline) {
    for (int i = 0; i < MAX_CALLS_PER_CLIENT && System.nanoTime() < deadline; i++) {
      Connection c = null;
      try {
        c = Connection.open(where);
        record(c.call(nextCall(i)).status() == 200 ? "ok" : "failed");
      } catch (EOFException e) {
        record("closed without response");
      } catch (IOException e) {
        record("failed");
        System.out.println(Thread.currentThread().getName() + ": " + e);
      } finally {
        if (c != null) {
          c.close();
        }
      }
    }
  }

  private static byte[] nextCall(int i) {
    return switch (i % 10) {
      case 9 -> body("supervisor.getAllProcessInfo", "");
      case 1, 3, 5, 7 -> body("supervisor.getProcessInfo",
          "<param><value><string>p:p_" + String.format("%03d", i % PROGRAMS) + "</string></value></param>");
      default -> body("supervisor.getState", "");
    };
  }

  private static byte[] body(String method, String params) {
    return ("<?xml version='1.0'?>\n<methodCall>\n<methodName>" + method + "</methodName>\n<params>\n" + params
        + "</params>\n</methodCall>\n").getBytes(StandardCharsets.UTF_8);
  }

  record Response(int status, boolean closes, String body) {}

  /** One HTTP/1.1 connection, used for as many calls as the server allows, as http.client does. */
  private static final class Connection {
    private final Closeable channel;
    private final InputStream in;
    private final OutputStream out;

    private Connection(Closeable channel, InputStream in, OutputStream out) {
      this.channel = channel;
      this.in = new BufferedInputStream(in);
      this.out = out;
    }

    /** TCP through a Socket (its reads time out); the unix socket through a channel, one thread each. */
    static Connection open(SocketAddress where) throws IOException {
      if (where instanceof UnixDomainSocketAddress) {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(where);
        return new Connection(channel, Channels.newInputStream(channel), Channels.newOutputStream(channel));
      }
      Socket socket = new Socket();
      socket.connect(where, 10_000);
      socket.setSoTimeout(60_000);
      return new Connection(socket, socket.getInputStream(), socket.getOutputStream());
    }

    /** Sends one call; EOFException when the connection ends before a whole response. */
    Response call(byte[] body) throws IOException {
      String head = "POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml\r\nAccept-Encoding: identity\r\n"
          + "Content-Length: " + body.length + "\r\n\r\n";
      try {
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
      } catch (IOException e) {
        throw new EOFException("send failed, connection gone: " + e); // http.client's BrokenPipe case
      }
      String status = line();
      int length = -1;
      boolean closes = false;
      for (String h = line(); !h.isEmpty(); h = line()) {
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(h.substring(15).strip());
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          closes = true;
        }
      }
      byte[] data = in.readNBytes(Math.max(length, 0));
      if (data.length < length) {
        throw new EOFException("body cut short");
      }
      return new Response(Integer.parseInt(status.split(" ")[1]), closes, new String(data, StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new EOFException("the server closed the connection without a response");
        }
        if (b != '\r') {
          line.write(b);
        }
      }
      return line.toString(StandardCharsets.ISO_8859_1);
    }

    void close() {
      try {
        channel.close();
      } catch (IOException e) {
        // gone already
      }
    }
  }
}
