package dev.supervisor4j.http;

import static org.apache.pekko.http.javadsl.server.Directives.completeWithFuture;
import static org.apache.pekko.http.javadsl.server.Directives.extractMaterializer;

import dev.supervisor4j.protocol.Failures;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.SupervisorApi;
import dev.supervisor4j.protocol.SupervisorFault;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.DateTime;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpProtocols;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.ResponseEntity;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Connection;
import org.apache.pekko.http.javadsl.model.headers.LastModified;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.JavaFlowSupport;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * {@code /logtail/<namespec>[/stdout|/stderr]} and {@code /mainlogtail}: GET only (else 400), a
 * never-ending {@code 200} whose body follows the log, one HTTP chunk per element the
 * {@link SupervisorApi} publisher emits (Pekko writes plain lower-case hex sizes, which
 * supervisorctl's {@code int(size, 16)} needs).
 *
 * <p>404 when the API fails with BAD_NAME or NO_FILE, or the channel is neither stdout nor stderr.
 * Deviations from supervisord, where it is buggy:
 * <ul>
 *   <li>{@code /logtail} with no name answers 404 (supervisord crashes: 500).</li>
 *   <li>HTTP/1.0 or {@code Connection: close}: the log streams at once, raw, and the connection closes
 *       when it ends (supervisord holds everything back until 64 KiB have built up).</li>
 *   <li>{@code Last-Modified} is the time of the response: the API hands out a stream, not the file
 *       (supervisord sends the file's mtime; its clients ignore it).</li>
 * </ul>
 */
final class LogTailRoutes {
  private final SupervisorApi api;
  private final HttpLog log;

  LogTailRoutes(SupervisorApi api, HttpLog log) {
    this.api = api;
    this.log = log;
  }

  Route logtail() {
    return Routes.uriPrefix("/logtail",
        request -> extractMaterializer(mat -> completeWithFuture(logtail(request, mat))));
  }

  Route mainlogtail() {
    return Routes.uriPrefix("/mainlogtail",
        request -> extractMaterializer(mat -> completeWithFuture(mainlogtail(request, mat))));
  }

  private CompletionStage<HttpResponse> logtail(HttpRequest request, Materializer mat) {
    request.discardEntityBytes(mat);
    if (!request.method().equals(HttpMethods.GET)) {
      return answer(StatusCodes.BAD_REQUEST);
    }
    // supervisord: strip the leading slashes, drop the first segment ("logtail", or whatever longer
    // word started with it), then <name>[/<channel>] with stdout as the default channel.
    String path = RequestPaths.decoded(request).replaceFirst("^/+", "");
    int slash = path.indexOf('/');
    if (slash < 0) {
      return answer(StatusCodes.NOT_FOUND);
    }
    String spec = path.substring(slash + 1);
    int next = spec.indexOf('/');
    String name = next < 0 ? spec : spec.substring(0, next);
    String channel = next < 0 ? "stdout" : spec.substring(next + 1);
    if (!channel.equals("stdout") && !channel.equals("stderr")) {
      return answer(StatusCodes.NOT_FOUND);
    }
    return follow(request, () -> api.followProcessLog(name, channel), true);
  }

  private CompletionStage<HttpResponse> mainlogtail(HttpRequest request, Materializer mat) {
    request.discardEntityBytes(mat);
    if (!request.method().equals(HttpMethods.GET)) {
      return answer(StatusCodes.BAD_REQUEST);
    }
    return follow(request, api::followMainLog, false);
  }

  private CompletionStage<HttpResponse> follow(HttpRequest request,
      Supplier<CompletionStage<Flow.Publisher<byte[]>>> stream, boolean accelHeader) {
    CompletionStage<Flow.Publisher<byte[]>> publisher;
    try {
      publisher = stream.get();
    } catch (RuntimeException e) {
      publisher = CompletableFuture.failedFuture(e);
    }
    return publisher.handle((pub, error) -> error == null
        ? streaming(request, pub, accelHeader)
        : failed(request, Failures.unwrap(error)));
  }

  private HttpResponse streaming(HttpRequest request, Flow.Publisher<byte[]> publisher,
      boolean accelHeader) {
    Source<ByteString, ?> data = JavaFlowSupport.Source.fromPublisher(publisher)
        .filter(bytes -> bytes.length > 0) // an empty chunk would end the chunked body
        .map(ByteString::fromArray);
    ResponseEntity entity = closesAfterResponse(request)
        ? HttpEntities.createCloseDelimited(ContentTypes.TEXT_PLAIN_UTF8, data)
        : HttpEntities.createChunked(ContentTypes.TEXT_PLAIN_UTF8, data);
    List<HttpHeader> headers = new ArrayList<>(3);
    headers.add(LastModified.create(DateTime.now()));
    // A log holds whatever a program printed: a browser must show it as text, never sniff HTML in it.
    headers.add(RawHeader.create("X-Content-Type-Options", "nosniff"));
    if (accelHeader) {
      headers.add(RawHeader.create("X-Accel-Buffering", "no"));
    }
    return HttpResponse.create().withEntity(entity).addHeaders(headers);
  }

  /** HTTP/1.0, or 1.1 with {@code Connection: close}: no chunking, the body ends with the connection. */
  private static boolean closesAfterResponse(HttpRequest request) {
    if (request.protocol().equals(HttpProtocols.HTTP_1_0)) {
      return true;
    }
    return request.getHeader(Connection.class)
        .map(h -> h.value().toLowerCase().contains("close"))
        .orElse(false);
  }

  private HttpResponse failed(HttpRequest request, Throwable error) {
    if (error instanceof SupervisorFault fault
        && (fault.fault() == Fault.BAD_NAME || fault.fault() == Fault.NO_FILE)) {
      return ErrorPages.of(StatusCodes.NOT_FOUND);
    }
    log.log(HttpLog.Level.ERROR, "Server Error: " + request.getUri().path() + ": " + error);
    return ErrorPages.of(StatusCodes.INTERNAL_SERVER_ERROR);
  }

  private static CompletionStage<HttpResponse> answer(StatusCode status) {
    return CompletableFuture.completedFuture(ErrorPages.of(status));
  }
}
