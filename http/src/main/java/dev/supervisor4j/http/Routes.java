package dev.supervisor4j.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.handleExceptions;
import static org.apache.pekko.http.javadsl.server.Directives.handleRejections;
import static org.apache.pekko.http.javadsl.server.Directives.mapRequest;
import static org.apache.pekko.http.javadsl.server.Directives.reject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MethodRejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The route of one listener: supervisord's handler table, first match wins (spec §1.2) —
 * {@code /RPC2}, {@code /logtail}, {@code /mainlogtail}, the extra routes, then 404 — all behind the
 * listener's Basic authentication when it has a username.
 *
 * <p>Matching is on the percent-decoded path with plain {@code startsWith}, as supervisord does, not
 * on Pekko's segment matchers. Once a handler matches it answers (with 400 for a wrong method, not
 * 405), so rejections only come from extra routes; they and any exception get the same HTML error
 * page as everything else.
 */
final class Routes {
  private Routes() {}

  static Route forListener(HttpServerSpec spec, RpcRoute rpc, LogTailRoutes logs, List<Route> extra,
      HttpLog log) {
    List<Route> table = new ArrayList<>();
    table.add(logs.logtail());
    table.add(logs.mainlogtail());
    table.addAll(extra);
    table.add(complete(ErrorPages.of(StatusCodes.NOT_FOUND)));
    Route handlers = concat(rpc.route(), table.toArray(Route[]::new));
    Route guarded = spec.requiresAuth()
        ? authenticated(new BasicAuth(spec.username(), spec.password()), handlers)
        : handlers;
    return handleExceptions(exceptions(log), () -> handleRejections(rejections(), () -> guarded));
  }

  /** Tries {@code inner} when the decoded request path starts with {@code prefix}, else rejects. */
  static Route uriPrefix(String prefix, Function<HttpRequest, Route> inner) {
    return extractRequest(request -> RequestPaths.decoded(request).startsWith(prefix)
        ? inner.apply(request)
        : reject());
  }

  private static Route authenticated(BasicAuth auth, Route inner) {
    return extractRequest(request -> {
      BasicAuth.Outcome outcome = auth.check(request.getHeader("Authorization").map(HttpHeader::value));
      return switch (outcome) {
        case ALLOW -> mapRequest(r -> CallerAttribute.with(r, CallerAttribute.of(r).withUser(auth.username())),
            () -> inner);
        case DENY -> complete(ErrorPages.unauthorized());
        case MALFORMED -> complete(ErrorPages.of(StatusCodes.BAD_REQUEST));
      };
    });
  }

  private static RejectionHandler rejections() {
    return RejectionHandler.newBuilder()
        // supervisord answers a method its handler does not take with 400, never 405.
        .handleAll(MethodRejection.class, rejected -> complete(ErrorPages.of(StatusCodes.BAD_REQUEST)))
        .build()
        .withFallback(RejectionHandler.defaultHandler())
        .mapRejectionResponse(ErrorPages::restyle);
  }

  private static ExceptionHandler exceptions(HttpLog log) {
    return ExceptionHandler.newBuilder()
        .matchAny(error -> {
          log.log(HttpLog.Level.ERROR, "Server Error: " + error);
          return complete(ErrorPages.of(StatusCodes.INTERNAL_SERVER_ERROR));
        })
        .build();
  }
}
