package dev.supervisor4j.http.testing;

import dev.supervisor4j.http.HttpFrontEnd;
import dev.supervisor4j.http.HttpOptions;
import dev.supervisor4j.http.HttpServerSpec;
import dev.supervisor4j.http.RpcHandler;
import dev.supervisor4j.protocol.SupervisorApi;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ClassicActorSystemProvider;

/** Spec builders and a blocking bind for tests. */
public final class Listeners {
  private Listeners() {}

  public static HttpServerSpec.Inet inet(String username, String password) {
    return new HttpServerSpec.Inet("inet_http_server", "127.0.0.1", 0, username, password);
  }

  public static HttpServerSpec.Unix unix(Path file, String username, String password) {
    return new HttpServerSpec.Unix("unix_http_server", file, 0700, -1, -1, username, password);
  }

  public static HttpFrontEnd bind(ClassicActorSystemProvider system, List<HttpServerSpec> servers,
      RpcHandler rpc, SupervisorApi api, RecordingLog log, HttpOptions options) throws Exception {
    return HttpFrontEnd.bind(system, servers, rpc, api, log, options)
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  public static void stop(HttpFrontEnd frontEnd) throws Exception {
    frontEnd.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** The address a test connects to: the first bound TCP or unix listener. */
  public static SocketAddress address(HttpFrontEnd frontEnd, String kind) {
    return frontEnd.localAddresses().stream()
        .filter(a -> kind.equals("unix") == (a instanceof java.net.UnixDomainSocketAddress))
        .findFirst()
        .orElseThrow();
  }
}
