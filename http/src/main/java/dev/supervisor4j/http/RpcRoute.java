package dev.supervisor4j.http;

import static org.apache.pekko.http.javadsl.server.Directives.completeWithFuture;
import static org.apache.pekko.http.javadsl.server.Directives.extractMaterializer;

import dev.supervisor4j.protocol.Caller;
import dev.supervisor4j.protocol.Failures;
import dev.supervisor4j.protocol.python.PyRepr;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Connection;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * {@code /RPC2}: any URI starting with it (supervisord matches {@code /RPC2/x} and {@code /RPC2?x}
 * too). POST only, else 400. The body must have a length, else 411. The body goes to the
 * {@link RpcHandler} as bytes; its answer comes back as {@code text/xml} with a Content-Length and no
 * compression (supervisorctl reads the raw body).
 *
 * <p>A body longer than the limit is answered 413 with {@code Connection: close}, after it has been
 * read and dropped (up to {@link HttpOptions#DRAIN_FACTOR} times the limit): a client such as
 * Python's xmlrpc.client writes its whole body before it reads, and a server that closed with the
 * body unread would reset the connection under it, so it would see a broken pipe instead of the
 * 413. Longer bodies get the 413 at once and the connection closes unread. Large bodies are read
 * one batch at a time ({@link BodyBudget}).
 *
 * <p>Deviation: Pekko's parser gives the same empty entity for "no Content-Length" and
 * "Content-Length: 0", so both get 411; supervisord answers the latter with 400 (empty XML).
 */
final class RpcRoute {
  static final ContentType TEXT_XML = MediaTypes.TEXT_XML.toContentTypeWithMissingCharset();

  private final RpcHandler handler;
  private final HttpLog log;
  private final long maxBytes;
  private final long readTimeoutMillis;
  private final BodyBudget budget;

  RpcRoute(RpcHandler handler, HttpLog log, long maxBytes, Duration readTimeout) {
    // The server settings' max-content-length is maxBytes too: Pekko refuses a longer entity
    // unless the route lifts the limit, as drainTooLarge does.
    this.handler = handler;
    this.log = log;
    this.maxBytes = maxBytes;
    this.readTimeoutMillis = readTimeout.toMillis();
    this.budget = new BodyBudget(maxBytes);
  }

  Route route() {
    return Routes.uriPrefix("/RPC2",
        request -> extractMaterializer(mat -> completeWithFuture(respond(request, mat))));
  }

  private CompletionStage<HttpResponse> respond(HttpRequest request, Materializer mat) {
    if (!request.method().equals(HttpMethods.POST)) {
      request.discardEntityBytes(mat);
      return CompletableFuture.completedFuture(ErrorPages.of(StatusCodes.BAD_REQUEST));
    }
    OptionalLong length = request.entity().getContentLengthOption();
    if (length.isEmpty() || length.getAsLong() == 0) {
      request.discardEntityBytes(mat);
      return CompletableFuture.completedFuture(ErrorPages.of(StatusCodes.LENGTH_REQUIRED));
    }
    if (length.getAsLong() > maxBytes) {
      return drainTooLarge(request, length.getAsLong(), mat);
    }
    long bytes = length.getAsLong();
    return budget.acquire(bytes)
        .thenCompose(admitted -> readAndCall(request, mat))
        .whenComplete((response, error) -> budget.release(bytes));
  }

  private CompletionStage<HttpResponse> readAndCall(HttpRequest request, Materializer mat) {
    // The read timeout bounds a client that announces a body and never sends it: while a request is
    // in progress the connection's idle timeout does not apply.
    return request.entity().toStrict(readTimeoutMillis, maxBytes, mat)
        .handle((strict, error) -> error == null
            ? call(strict.getData().toArray(), CallerAttribute.of(request))
            : CompletableFuture.completedFuture(readFailed(Failures.unwrap(error))))
        .thenCompose(stage -> stage);
  }

  private CompletionStage<HttpResponse> drainTooLarge(HttpRequest request, long length, Materializer mat) {
    HttpResponse tooLarge = ErrorPages.of(StatusCodes.PAYLOAD_TOO_LARGE).addHeader(Connection.create("close"));
    if (length > maxBytes * HttpOptions.DRAIN_FACTOR) {
      request.discardEntityBytes(mat); // answered before the body: Pekko closes the connection after it
      return CompletableFuture.completedFuture(tooLarge);
    }
    return request.entity().withoutSizeLimit().getDataBytes()
        .completionTimeout(Duration.ofMillis(readTimeoutMillis))
        .runWith(Sink.ignore(), mat)
        .handle((done, error) -> error == null ? tooLarge : readFailed(Failures.unwrap(error)));
  }

  private CompletionStage<HttpResponse> call(byte[] body, Caller caller) {
    CompletionStage<byte[]> answer;
    try {
      answer = handler.handle(body, caller);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer.handle((xml, error) -> error == null
        ? HttpResponse.create().withEntity(HttpEntities.create(TEXT_XML, xml))
        : handlerFailed(body, Failures.unwrap(error)));
  }

  private HttpResponse handlerFailed(byte[] body, Throwable error) {
    if (error instanceof RpcHandler.BadRequest) {
      return ErrorPages.of(StatusCodes.BAD_REQUEST);
    }
    // supervisord's words for the same event, with the request body as Python would show it.
    log.log(HttpLog.Level.CRITICAL, "Handling XML-RPC request with data "
        + PyRepr.ofBytes(body) + " raised an unexpected exception: " + stackTrace(error));
    return ErrorPages.of(StatusCodes.INTERNAL_SERVER_ERROR);
  }

  private static HttpResponse readFailed(Throwable error) {
    if (error instanceof EntityStreamSizeException) {
      return ErrorPages.of(StatusCodes.PAYLOAD_TOO_LARGE);
    }
    if (error instanceof TimeoutException) {
      return ErrorPages.of(StatusCodes.REQUEST_TIMEOUT);
    }
    return ErrorPages.of(StatusCodes.BAD_REQUEST);
  }

  private static String stackTrace(Throwable error) {
    StringWriter text = new StringWriter();
    error.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
