package dev.supervisor4j.protocol.xmlrpc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.supervisor4j.protocol.SupervisorApi;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutionException;

/**
 * A throwaway {@code /RPC2} endpoint on the JDK's built-in HTTP server, so that Python's stock
 * clients can be pointed at our dispatcher without the http module. Only what those clients need:
 * POST, 200 text/xml, 400 for a malformed request.
 */
final class RpcTestServer implements AutoCloseable {
  private final HttpServer server;
  private final RpcDispatcher dispatcher;

  RpcTestServer(SupervisorApi api) throws IOException {
    dispatcher = new RpcDispatcher(api);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/RPC2", this::serve);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int status = 200;
      byte[] out;
      try {
        out = dispatcher.handle(body).toCompletableFuture().get();
      } catch (ExecutionException e) {
        status = e.getCause() instanceof MalformedRequest ? 400 : 500;
        out = new byte[0];
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        status = 500;
        out = new byte[0];
      }
      exchange.getResponseHeaders().set("Content-Type", "text/xml");
      exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(out);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
