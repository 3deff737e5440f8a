package dev.supervisor4j.http.web;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.completeWithFuture;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameterOptional;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.SupervisorApi;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.apache.pekko.NotUsed;

/**
 * The console's JSON API under {@code /api/v1/} (the page uses nothing else; see README "Web
 * console"):
 * <ul>
 *   <li>{@code GET processes}: {@code {"processes":[row...]}}, with the CSRF token in the
 *       {@value CsrfGuard#HEADER} response header for scripts;</li>
 *   <li>{@code POST processes/{name}/start|stop|restart|clearlog|signal?signal=HUP}: {@code name} is
 *       a namespec, {@code group:*} or {@code *}; answers {@code {"ok","message","fault","process"}}
 *       with 200, 404 (no such process) or 409 (any other fault); 403 without the token or from
 *       another origin;</li>
 *   <li>{@code GET events}: the live {@code text/event-stream} ({@link LiveFeed});</li>
 *   <li>{@code GET processes/{name}/tail} and {@code GET mainlog/tail}: the logs as they grow, as
 *       server-sent events ({@link TailStream});</li>
 *   <li>{@code GET processes/{name}/log/stdout|stderr} and {@code GET mainlog}: the whole log file,
 *       as a download;</li>
 *   <li>{@code GET history/...}: the ledger ({@link HistoryRoutes}).</li>
 * </ul>
 */
final class ApiRoutes {
  private final SupervisorApi api;
  private final Function<HttpRequest, Actions> actions;
  private final CsrfGuard csrf;
  private final LiveFeed feed;
  private final HistoryRoutes history;

  /** @param actions the actions as the request's caller takes them (so that the ledger knows who) */
  ApiRoutes(SupervisorApi api, Function<HttpRequest, Actions> actions, CsrfGuard csrf, LiveFeed feed) {
    this.api = api;
    this.actions = actions;
    this.csrf = csrf;
    this.feed = feed;
    this.history = new HistoryRoutes(api);
  }

  Route route() {
    return concat(
        path("processes", () -> get(() -> completeWithFuture(processes()))),
        path(segment("processes").slash(segment()).slash("tail"), name ->
            get(() -> completeWithFuture(tail(name)))),
        path(segment("processes").slash(segment()).slash(segment()), (name, verb) -> concat(
            post(() -> guarded(() -> extractRequest(request -> parameterOptional("signal", signal ->
                completeWithFuture(act(actions.apply(request), name, verb, signal)))))),
            complete(Responses.json(StatusCodes.METHOD_NOT_ALLOWED, Json.write(outcome(false, null, "use POST")))
                .addHeader(RawHeader.create("Allow", "POST"))))),
        path(segment("processes").slash(segment()).slash("log").slash(segment()), (name, channel) ->
            get(() -> completeWithFuture(download(name, channel)))),
        path("mainlog", () -> get(() -> completeWithFuture(
            asDownload(api.readLog(0, 0), "supervisord.log")))),
        path(segment("mainlog").slash("tail"), () -> get(() -> complete(eventStream(
            TailStream.of(new TailStream.Channel("log", api::followMainLog)))))),
        path("events", () -> get(() -> complete(eventStream(feed.events())))),
        pathPrefix("history", history::route));
  }

  /** Runs {@code inner} only for a request that passes the CSRF and Origin checks; else 403. */
  Route guarded(Supplier<Route> inner) {
    return extractRequest(request -> refusal(request, header(request, CsrfGuard.HEADER))
        .map(reason -> complete(Responses.json(StatusCodes.FORBIDDEN, Json.write(outcome(false, null, reason)))))
        .orElseGet(inner));
  }

  Optional<String> refusal(HttpRequest request, Optional<String> token) {
    Optional<String> host = header(request, "Host")
        .or(() -> Optional.of(request.getUri().host().address() + portSuffix(request)));
    return csrf.refuse(token, header(request, "Origin"), host);
  }

  private static String portSuffix(HttpRequest request) {
    int port = request.getUri().port();
    return port > 0 ? ":" + port : "";
  }

  static Optional<String> header(HttpRequest request, String name) {
    return request.getHeader(name).map(HttpHeader::value);
  }

  private CompletionStage<HttpResponse> processes() {
    return api.getAllProcessInfo().thenApply(list -> Responses
        .json(StatusCodes.OK, Json.write(Map.of("processes", ProcessRows.rows(list, feed.latestUsage()))))
        .addHeader(RawHeader.create(CsrfGuard.HEADER, csrf.token())));
  }

  private CompletionStage<HttpResponse> act(Actions actions, String name, String verb, Optional<String> signal) {
    Optional<Actions.Action> action = Actions.Action.parse(verb);
    if (action.isEmpty()) {
      return answer(StatusCodes.BAD_REQUEST, outcome(false, null, "unknown action " + verb));
    }
    if (action.get() == Actions.Action.SIGNAL && signal.filter(s -> !s.isBlank()).isEmpty()) {
      return answer(StatusCodes.BAD_REQUEST, outcome(false, null, "signal needs ?signal=NAME"));
    }
    return actions.run(action.get(), name, signal.orElse("")).thenCompose(result -> {
      StatusCode status = result.ok() ? StatusCodes.OK
          : result.fault() == Fault.BAD_NAME ? StatusCodes.NOT_FOUND : StatusCodes.CONFLICT;
      Map<String, Object> body = outcome(result.ok(), result.fault(), result.message());
      if (name.contains("*")) {
        return answer(status, body);
      }
      // The row as it is now, so the page updates at once rather than at the next poll.
      return api.getProcessInfo(name)
          .handle((info, error) -> {
            body.put("process", error == null ? row(info) : null);
            return Responses.json(status, Json.write(body));
          });
    });
  }

  private Map<String, Object> row(ProcessInfo info) {
    return ProcessRows.row(info, feed.latestUsage().get(info.pid()));
  }

  static Map<String, Object> outcome(boolean ok, Fault fault, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ok", ok);
    body.put("message", message);
    body.put("fault", fault == null ? null : fault.name());
    body.put("process", null);
    return body;
  }

  private static CompletionStage<HttpResponse> answer(StatusCode status, Map<String, Object> body) {
    return CompletableFuture.completedFuture(Responses.json(status, Json.write(body)));
  }

  private CompletionStage<HttpResponse> download(String name, String channel) {
    String file = name.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + channel + ".log";
    return switch (channel) {
      case "stdout" -> asDownload(api.readProcessStdoutLog(name, 0, 0), file);
      case "stderr" -> asDownload(api.readProcessStderrLog(name, 0, 0), file);
      default -> answer(StatusCodes.NOT_FOUND, outcome(false, null, "no channel " + channel));
    };
  }

  /** The whole log (supervisord's readLog with offset 0, length 0) as an attachment. */
  private static CompletionStage<HttpResponse> asDownload(CompletionStage<String> text, String fileName) {
    return text.handle((log, error) -> {
      if (error != null) {
        Actions.Outcome failed = Actions.failure(fileName, error);
        StatusCode status = failed.fault() == Fault.BAD_NAME || failed.fault() == Fault.NO_FILE
            ? StatusCodes.NOT_FOUND : StatusCodes.INTERNAL_SERVER_ERROR;
        return Responses.json(status, Json.write(outcome(false, failed.fault(), failed.message())));
      }
      return Responses.bytes(ContentTypes.TEXT_PLAIN_UTF8, log.getBytes(StandardCharsets.UTF_8))
          .addHeader(RawHeader.create("Content-Disposition", "attachment; filename=\"" + fileName + "\""));
    });
  }

  /** A process's stdout and stderr as one event stream; 404 for a name that is not a process. */
  private CompletionStage<HttpResponse> tail(String name) {
    return api.getProcessInfo(name).handle((info, error) -> {
      if (error != null) {
        Actions.Outcome failed = Actions.failure(name, error);
        return Responses.json(failed.fault() == Fault.BAD_NAME ? StatusCodes.NOT_FOUND : StatusCodes.INTERNAL_SERVER_ERROR,
            Json.write(outcome(false, failed.fault(), failed.message())));
      }
      return eventStream(TailStream.of(
          new TailStream.Channel("stdout", () -> api.followProcessLog(name, "stdout")),
          new TailStream.Channel("stderr", () -> api.followProcessLog(name, "stderr"))));
    });
  }

  private static HttpResponse eventStream(Source<ByteString, NotUsed> events) {
    return HttpResponse.create()
        .withEntity(HttpEntities.createChunked(MediaTypes.TEXT_EVENT_STREAM.toContentType(), events))
        .addHeader(RawHeader.create("Cache-Control", "no-cache"))
        .addHeader(RawHeader.create("X-Accel-Buffering", "no"));
  }
}
