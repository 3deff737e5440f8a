package dev.supervisor4j.http;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.ResponseEntity;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Connection;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * Counts the exchanges in progress on one connection, for {@link ConnectionWatch}: an exchange starts
 * when a request reaches the handler and ends when its response body has been sent (or abandoned).
 * A strict response ends its exchange as soon as it leaves the handler; a streamed one when its data
 * stream terminates, which for a never-ending log tail is when the client goes away.
 *
 * <p>{@link #peerClosed()} ends every streamed response body of the connection (the client is gone;
 * a log tail would otherwise go on until its next write failed).
 *
 * <p>Once a response says {@code Connection: close} (a 413 after a body too large, a 401), no
 * further request of the connection reaches the handler: Pekko's parser may already have read one
 * pipelined behind it, and it must not run — the connection ends after that response anyway.
 *
 * <p>Cost: a streamed response's data passes through two extra stages. A response Pekko never renders
 * (the connection broke first) leaves the count up, which only matters to a connection that is gone.
 */
final class ExchangeTracker {
  private final AtomicInteger inProgress = new AtomicInteger();
  private volatile boolean closing;
  private final SharedKillSwitch bodies = KillSwitches.shared("response-bodies");

  boolean busy() {
    return inProgress.get() > 0;
  }

  void peerClosed() {
    bodies.shutdown();
  }

  /** Calls {@code handler} for one request at a time, as Pekko's {@code Route.flow} does. */
  Flow<HttpRequest, HttpResponse, NotUsed> around(Function<HttpRequest, CompletionStage<HttpResponse>> handler) {
    return Flow.of(HttpRequest.class)
        .mapAsync(1, request -> {
          inProgress.incrementAndGet();
          if (closing) {
            // never sent: the connection closes after the response before it; Pekko wants one each
            return CompletableFuture.completedFuture(ErrorPages.of(StatusCodes.SERVICE_UNAVAILABLE));
          }
          try {
            return handler.apply(request);
          } catch (Exception e) {
            return CompletableFuture.<HttpResponse>failedFuture(e);
          }
        })
        .map(this::tracked);
  }

  private HttpResponse tracked(HttpResponse response) {
    if (response.getHeader(Connection.class).map(h -> h.value().toLowerCase(Locale.ROOT).contains("close"))
        .orElse(false)) {
      closing = true;
    }
    ResponseEntity entity = response.entity();
    if (entity.isStrict()) {
      inProgress.decrementAndGet();
      return response;
    }
    Source<ByteString, ?> data = entity.getDataBytes().via(bodies.flow()).watchTermination((mat, done) -> {
      done.whenComplete((ok, error) -> inProgress.decrementAndGet());
      return mat;
    });
    return response.withEntity(rewrap(entity, data));
  }

  /** The same kind of entity over the watched data; a chunked one keeps one chunk per element. */
  private static ResponseEntity rewrap(ResponseEntity entity, Source<ByteString, ?> data) {
    if (entity.isChunked()) {
      return HttpEntities.createChunked(entity.getContentType(), data);
    }
    if (entity.isCloseDelimited()) {
      return HttpEntities.createCloseDelimited(entity.getContentType(), data);
    }
    return HttpEntities.create(entity.getContentType(), entity.getContentLengthOption().orElseThrow(),
        data);
  }
}
