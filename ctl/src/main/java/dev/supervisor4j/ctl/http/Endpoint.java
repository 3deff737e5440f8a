package dev.supervisor4j.ctl.http;

import dev.supervisor4j.ctl.compat.PyException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;

/**
 * Where to connect: a unix socket path, or a TCP host and port. Connect failures become the
 * {@link PyException}s Python's socket module would raise, since supervisorctl prints them
 * ({@code refused connection}, {@code no such file}, or the generic error line).
 *
 * @param unixPath the socket path, or null for TCP
 * @param host     the TCP host, or null for a unix socket
 * @param port     the TCP port
 */
public record Endpoint(String unixPath, String host, int port) {

  public static Endpoint unix(String path) {
    return new Endpoint(path, null, 0);
  }

  public static Endpoint tcp(String host, int port) {
    return new Endpoint(null, host, port);
  }

  /** Opens a blocking channel. Every address of a TCP host is tried in turn, as Python's create_connection does. */
  public SocketChannel connect() {
    if (unixPath != null) {
      SocketChannel ch = null;
      try {
        ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(unixPath));
        return ch;
      } catch (IOException | RuntimeException e) {
        closeQuietly(ch);
        throw translate(e);
      }
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw PyException.os("socket.gaierror", -2, "Name or service not known", e);
    }
    PyException last = null;
    for (InetAddress address : addresses) {
      SocketChannel ch = null;
      try {
        ch = SocketChannel.open();
        ch.connect(new InetSocketAddress(address, port));
        return ch;
      } catch (IOException | RuntimeException e) {
        closeQuietly(ch);
        last = translate(e);
      }
    }
    throw last;
  }

  /** Maps a JDK connect/read failure to the Python OSError subclass with the same errno. */
  public static PyException translate(Exception e) {
    if (e instanceof PyException) {
      return (PyException) e;
    }
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (m.contains("No such file or directory")) {
      return PyException.os("FileNotFoundError", PyException.ENOENT, "No such file or directory", e);
    }
    if (m.contains("Connection refused")) {
      return PyException.os("ConnectionRefusedError", PyException.ECONNREFUSED, "Connection refused", e);
    }
    if (m.contains("Permission denied")) {
      return PyException.os("PermissionError", 13, "Permission denied", e);
    }
    if (m.contains("Connection reset")) {
      return PyException.os("ConnectionResetError", 104, "Connection reset by peer", e);
    }
    if (m.contains("Broken pipe")) {
      return PyException.os("BrokenPipeError", 32, "Broken pipe", e);
    }
    if (m.contains("No route to host")) {
      return PyException.os("OSError", 113, "No route to host", e);
    }
    if (m.contains("Network is unreachable")) {
      return PyException.os("OSError", 101, "Network is unreachable", e);
    }
    if (m.contains("Connection timed out")) {
      return PyException.os("TimeoutError", 110, "Connection timed out", e);
    }
    if (e instanceof SocketException || e instanceof IOException) {
      return new PyException("OSError", m, 0, e);
    }
    return new PyException("OSError", e.toString(), 0, e);
  }

  private static void closeQuietly(SocketChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // Nothing to do: the connect already failed.
      }
    }
  }
}
