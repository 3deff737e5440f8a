package dev.supervisor4j.http;

import dev.supervisor4j.protocol.Failures;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.util.ByteString;

/**
 * An {@code [inet_http_server]} listener: Pekko's non-blocking TCP, each connection joined to its
 * own connection flow. Pekko's TCP idle timeout is off; {@link ConnectionWatch} does that job.
 */
final class InetListener {
  private InetListener() {}

  private static final int BACKLOG = 1024;

  static CompletionStage<Tcp.ServerBinding> bind(ClassicActorSystemProvider system, HttpServerSpec.Inet spec,
      Function<Optional<InetSocketAddress>, Flow<ByteString, ByteString, NotUsed>> connections,
      Materializer mat) {
    // supervisord binds '' (all IPv4 interfaces) for "port = :9001" and "*:9001".
    String host = spec.host().isEmpty() ? "0.0.0.0" : spec.host();
    return Tcp.get(system)
        .bind(host, spec.port(), BACKLOG, List.of(), false, Optional.empty())
        .to(Sink.foreach(connection -> connection.handleWith(
            connections.apply(Optional.of(connection.remoteAddress())), mat)))
        .run(mat)
        .exceptionally(error -> {
          throw new CompletionException(BindErrors.describe(Failures.unwrap(error)));
        });
  }
}
