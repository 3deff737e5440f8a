package dev.supervisor4j.http.web;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.completeWithFuture;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.formFieldMap;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameterMap;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.pathSingleSlash;
import static org.apache.pekko.http.javadsl.server.Directives.post;
import static org.apache.pekko.http.javadsl.server.Directives.reject;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import dev.supervisor4j.http.CallerAttribute;
import dev.supervisor4j.http.HttpFrontEnd;
import dev.supervisor4j.protocol.Caller;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.SupervisorApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.Materializer;

/**
 * The web console: a live status page, log tails and a small JSON API, all through
 * {@link SupervisorApi}. Give {@link #route()} to the front end as an extra route, so every listener
 * serves it behind its own Basic authentication:
 *
 * <pre>{@code
 * WebConsole console = WebConsole.create(system, api);
 * HttpFrontEnd.bind(system, specs, rpc, api, log, HttpOptions.defaults().withExtraRoutes(List.of(console.route())));
 * }</pre>
 *
 * <p>Paths: {@code /} and {@code /index.html} (status; supervisord's {@code ?processname=&action=}
 * links show a confirm button instead of acting, and {@code ?message=} is shown as the flash),
 * {@code /tail.html?processname=} (stdout and stderr follow live), {@code /maintail.html},
 * {@code /history.html?processname=} (the process's recorded life: a timeline of its states, exits
 * and who acted; without a name, the operator actions), {@code /ok.html}, {@code /console/*} (static
 * files) and {@code /api/v1/*} ({@link ApiRoutes}).
 * Any path else is rejected, so the front end answers 404.
 *
 * <p>Every state change is a POST that passes {@link CsrfGuard}. One console holds one
 * {@link LiveFeed}, shared by all its listeners; create one per front end.
 */
public final class WebConsole {
  private final SupervisorApi api;
  private final CsrfGuard csrf;
  private final Function<Caller, SupervisorApi> actingAs;
  private final ApiRoutes apiRoutes;
  private final Assets assets;

  private WebConsole(SupervisorApi api, Function<Caller, SupervisorApi> actingAs, CsrfGuard csrf, LiveFeed feed,
      Assets assets) {
    this.api = api;
    this.csrf = csrf;
    this.actingAs = actingAs;
    this.apiRoutes = new ApiRoutes(api, this::actionsFor, csrf, feed);
    this.assets = assets;
  }

  /** A console for {@code api}; /proc reads run on the front end's I/O dispatcher. */
  public static WebConsole create(ClassicActorSystemProvider system, SupervisorApi api) {
    return create(system, api, caller -> api);
  }

  /**
   * A console whose actions go through {@code actingAs(caller)}: the caller is the request's (its
   * Basic-auth user), {@link Caller.Transport#WEB}; the daemon gives an API that records each action
   * in its history.
   */
  public static WebConsole create(ClassicActorSystemProvider system, SupervisorApi api,
      Function<Caller, SupervisorApi> actingAs) {
    return create(system, api, actingAs, CsrfGuard.random(), Path.of("/proc"));
  }

  /** For tests: a known token, and a directory standing in for {@code /proc}. */
  static WebConsole create(ClassicActorSystemProvider system, SupervisorApi api, CsrfGuard csrf, Path proc) {
    return create(system, api, caller -> api, csrf, proc);
  }

  static WebConsole create(ClassicActorSystemProvider system, SupervisorApi api,
      Function<Caller, SupervisorApi> actingAs, CsrfGuard csrf, Path proc) {
    Executor io = system.classicSystem().dispatchers().lookup(HttpFrontEnd.IO_DISPATCHER);
    LiveFeed feed = new LiveFeed(api, io, new ProcSampler(proc), Materializer.matFromSystem(system));
    return new WebConsole(api, actingAs, csrf, feed, Assets.load());
  }

  /** The actions as this request's sender takes them. */
  private Actions actionsFor(HttpRequest request) {
    return new Actions(actingAs.apply(CallerAttribute.of(request).via(Caller.Transport.WEB)));
  }

  /** The console's route; rejects paths that are not its own. */
  public Route route() {
    return concat(
        pathSingleSlash(this::statusPage),
        path("index.html", this::statusPage),
        path("tail.html", () -> get(() -> parameterMap(params ->
            completeWithFuture(tailPage(params.getOrDefault("processname", "")))))),
        path("maintail.html", () -> get(() -> complete(Responses.page(Pages.mainTail(csrf.token()))))),
        path("history.html", () -> get(() -> parameterMap(params ->
            complete(Responses.page(Pages.history(csrf.token(), params.getOrDefault("processname", ""))))))),
        path("ok.html", () -> get(() -> complete(HttpEntities.create(ContentTypes.TEXT_PLAIN_UTF8, "OK")))),
        pathPrefix("console", () -> path(segment(), name -> get(() -> assets.get(name)
            .map(a -> complete(Responses.bytes(a.type(), a.body())))
            .orElseGet(() -> reject())))),
        pathPrefix("api", () -> pathPrefix("v1", apiRoutes::route)));
  }

  private Route statusPage() {
    return concat(
        get(() -> parameterMap(params -> completeWithFuture(renderStatus(params)))),
        post(() -> formFieldMap(fields -> extractRequest(request -> {
          Optional<String> token = Optional.ofNullable(fields.get(CsrfGuard.FIELD))
              .or(() -> ApiRoutes.header(request, CsrfGuard.HEADER));
          return apiRoutes.refusal(request, token)
              .map(reason -> complete(forbidden(reason)))
              .orElseGet(() -> completeWithFuture(act(actionsFor(request), fields)));
        }))));
  }

  /** What a status page shows above the table: a flash message, or an action to confirm. */
  private record Prompt(Optional<String> flash, Optional<Pages.Confirm> confirm) {
    static Prompt of(Map<String, String> params) {
      Optional<String> message = Optional.ofNullable(params.get("message")).filter(m -> !m.isEmpty());
      String action = params.getOrDefault("action", "");
      if (action.isEmpty() || action.equals("refresh")) {
        return new Prompt(message, Optional.empty());
      }
      return SupervisorAction.of(action, params.getOrDefault("processname", ""))
          .map(asked -> new Prompt(message, Optional.of(asked.confirm())))
          .orElseGet(() -> new Prompt(Optional.of("Unknown action " + action + " (or no process name)"),
              Optional.empty()));
    }
  }

  private CompletionStage<HttpResponse> renderStatus(Map<String, String> params) {
    Prompt prompt = Prompt.of(params);
    CompletableFuture<String> ident = api.getIdentification().toCompletableFuture();
    CompletableFuture<String> version = api.getSupervisorVersion().toCompletableFuture();
    CompletableFuture<List<ProcessInfo>> processes = api.getAllProcessInfo().toCompletableFuture();
    return CompletableFuture.allOf(ident, version, processes).thenApply(done -> {
      String initial = Json.write(Map.of("processes", ProcessRows.rows(processes.join(), Map.of())));
      return Responses.page(Pages.status(csrf.token(), ident.join(), version.join(), initial, prompt.flash(),
          prompt.confirm()));
    });
  }

  /** The tail page, or the reason there is nothing to follow (as supervisord's tail page says it). */
  private CompletionStage<HttpResponse> tailPage(String name) {
    if (name.isEmpty()) {
      return CompletableFuture.completedFuture(
          Responses.page(Pages.tail(csrf.token(), "", Optional.of("No process name found"))));
    }
    return api.getProcessInfo(name).handle((info, error) -> Responses.page(Pages.tail(csrf.token(), name,
        error == null ? Optional.empty() : Optional.of(Actions.failure(name, error).message()))));
  }

  /** A form POST (the confirm button, or a page without scripts): act, then redirect with the flash. */
  private CompletionStage<HttpResponse> act(Actions actions, Map<String, String> fields) {
    return SupervisorAction.of(fields.getOrDefault("action", ""), fields.getOrDefault("processname", ""))
        .map(asked -> actions.run(asked.action(), asked.target(), "").thenApply(done -> redirect(done.message())))
        .orElseGet(() -> CompletableFuture.completedFuture(redirect("Unknown action")));
  }

  private static HttpResponse redirect(String message) {
    // 303: the browser follows with a GET, so a reload does not repeat the action.
    return HttpResponse.create().withStatus(StatusCodes.SEE_OTHER)
        .addHeader(RawHeader.create("Location",
            "index.html?message=" + URLEncoder.encode(message, StandardCharsets.UTF_8)))
        .addHeader(RawHeader.create("Cache-Control", "no-cache"));
  }

  private static HttpResponse forbidden(String reason) {
    return HttpResponse.create().withStatus(StatusCodes.FORBIDDEN)
        .withEntity(HttpEntities.create(ContentTypes.TEXT_PLAIN_UTF8, "403 Forbidden: " + reason + "\n"));
  }

  /** supervisord's page actions ({@code action=stop&processname=web}, {@code action=stopall}, ...) as ours. */
  record SupervisorAction(String word, Actions.Action action, String target) {
    /** Empty for an unknown action, or a process action without a process name. */
    static Optional<SupervisorAction> of(String word, String processName) {
      return switch (word) {
        case "stopall" -> Optional.of(new SupervisorAction(word, Actions.Action.STOP, "*"));
        case "restartall" -> Optional.of(new SupervisorAction(word, Actions.Action.RESTART, "*"));
        case "start", "stop", "restart", "clearlog" -> processName.isEmpty() ? Optional.empty()
            : Optional.of(new SupervisorAction(word, Actions.Action.parse(word).orElseThrow(), processName));
        default -> Optional.empty();
      };
    }

    Pages.Confirm confirm() {
      return switch (word) {
        case "stopall" -> new Pages.Confirm(word, "", "Stop all processes?", "Stop all");
        case "restartall" -> new Pages.Confirm(word, "", "Restart all processes?", "Restart all");
        case "clearlog" -> new Pages.Confirm(word, target, "Clear the logs of " + target + "?",
            "Clear log of " + target);
        default -> new Pages.Confirm(word, target, capital(word) + " " + target + "?",
            capital(word) + " " + target);
      };
    }

    private static String capital(String word) {
      return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
  }
}
