package dev.supervisor4j.http;

import dev.supervisor4j.protocol.Caller;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.settings.ServerSettings;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.TLSProtocol.SslTlsInbound;
import org.apache.pekko.stream.TLSProtocol.SslTlsOutbound;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.TLSPlacebo;
import org.apache.pekko.util.ByteString;

/**
 * Turns one connection's bytes into calls of a listener's handler, the same way for TCP and unix
 * sockets:
 *
 * <pre>
 * wire ⇄ ConnectionWatch ⇄ kill switch (+ StrayCrlfFilter inbound) ⇄ Pekko's HTTP/1.1 server layer
 *      ⇄ ExchangeTracker ⇄ route
 * </pre>
 *
 * <p>Both listeners use {@link Http#serverLayer} rather than {@code Http.newServerAt}: unix sockets
 * have no Pekko binding, and TCP gets the same idle handling and CRLF tolerance this way. The cost is
 * what {@code newServerAt} adds on top: no {@code max-connections} limit and no graceful
 * termination (stop ends connections at once through the kill switch, as supervisord's shutdown
 * does).
 */
final class ConnectionPipeline {
  private final Http http;
  private final ServerSettings settings;
  private final LoggingAdapter log;
  private final ConnectionWatch.Idle idle;

  ConnectionPipeline(Http http, ServerSettings settings, LoggingAdapter log, HttpOptions options) {
    this.http = http;
    this.settings = settings;
    this.log = log;
    this.idle = new ConnectionWatch.Idle(options.idleTimeout(), options.readTimeout(), HttpOptions.CROWDED);
  }

  /**
   * A fresh flow for one connection; {@code handler} is the listener's route, shared, and
   * {@code killSwitch} ends the listener's connections.
   */
  Flow<ByteString, ByteString, NotUsed> forConnection(Function<HttpRequest, CompletionStage<HttpResponse>> handler,
      Optional<InetSocketAddress> remote, Caller caller, SharedKillSwitch killSwitch) {
    ExchangeTracker tracker = new ExchangeTracker();
    BidiFlow<HttpResponse, ByteString, ByteString, HttpRequest, NotUsed> httpOverBytes =
        http.serverLayer(settings, remote, log).atop(tlsPlacebo());
    BidiFlow<ByteString, ByteString, ByteString, ByteString, NotUsed> bytes = BidiFlow.fromFlows(
            Flow.of(ByteString.class).via(killSwitch.flow()),
            Flow.of(ByteString.class).via(killSwitch.flow()).via(new StrayCrlfFilter()))
        .atop(BidiFlow.fromGraph(new ConnectionWatch(idle, tracker::busy, tracker::peerClosed)));
    Flow<HttpRequest, HttpResponse, NotUsed> identified =
        Flow.of(HttpRequest.class).map(r -> CallerAttribute.with(r, caller)).via(tracker.around(handler));
    return httpOverBytes.atop(bytes).reversed().join(identified);
  }

  /**
   * Pekko's no-TLS layer, typed as the server layer expects. Its inbound type is
   * {@code SessionBytes}, a subtype of {@code SslTlsInbound}, and javadsl's BidiFlow is invariant.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static BidiFlow<SslTlsOutbound, ByteString, ByteString, SslTlsInbound, NotUsed> tlsPlacebo() {
    return (BidiFlow) TLSPlacebo.getInstance();
  }
}
