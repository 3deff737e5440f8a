package dev.supervisor4j.http.web;

import static org.apache.pekko.http.javadsl.server.Directives.completeWithFuture;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameterMap;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import dev.supervisor4j.protocol.HistoryEntry;
import dev.supervisor4j.protocol.HistorySummary;
import dev.supervisor4j.protocol.SupervisorApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The history (the daemon's ledger) as JSON, under {@code /api/v1/history/}:
 * <ul>
 *   <li>{@code GET summary}: {@code {"summary":[{namespec, starts, unexpectedExits, lastExitStatus,
 *       lastExitMillis}]}} (restart counts and last exit, beside each process on the status page);</li>
 *   <li>{@code GET processes/{name}?since=&limit=}: {@code {"entries":[...]}} oldest first: state
 *       changes ({@code kind:"state"}) and operator actions ({@code kind:"action"});</li>
 *   <li>{@code GET actions?since=&limit=}: operator actions and daemon events ({@code kind:"daemon"}).</li>
 * </ul>
 * {@code since} is in epoch seconds (0: all), {@code limit} a count (0: the daemon's default). A daemon
 * without history answers 503 with {@code {"ok":false,"message":...}}.
 */
final class HistoryRoutes {
  private final SupervisorApi api;

  HistoryRoutes(SupervisorApi api) {
    this.api = api;
  }

  Route route() {
    return get(() -> concat(
        path("summary", () -> completeWithFuture(summary())),
        path(segment("processes").slash(segment()), name -> parameterMap(q ->
            completeWithFuture(entries(api.getProcessHistory(name, number(q, "since"), (int) number(q, "limit")))))),
        path("actions", () -> parameterMap(q ->
            completeWithFuture(entries(api.getActions(number(q, "since"), (int) number(q, "limit"))))))));
  }

  private static long number(Map<String, String> query, String name) {
    try {
      return Math.max(0, Long.parseLong(query.getOrDefault(name, "0")));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private CompletionStage<HttpResponse> summary() {
    return api.getHistorySummary().handle((list, error) -> {
      if (error != null) {
        return unavailable(error);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      for (HistorySummary s : list) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("namespec", s.group().equals(s.name()) ? s.name() : s.group() + ":" + s.name());
        row.put("starts", s.starts());
        row.put("unexpectedExits", s.unexpectedExits());
        row.put("lastExitStatus", s.lastExitStatus());
        row.put("lastExitMillis", s.lastExitMillis());
        rows.add(row);
      }
      return Responses.json(StatusCodes.OK, Json.write(Map.of("summary", rows)));
    });
  }

  private static CompletionStage<HttpResponse> entries(CompletionStage<List<HistoryEntry>> call) {
    return call.handle((list, error) -> {
      if (error != null) {
        return unavailable(error);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      list.forEach(e -> rows.add(row(e)));
      return Responses.json(StatusCodes.OK, Json.write(Map.of("entries", rows)));
    });
  }

  static Map<String, Object> row(HistoryEntry entry) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("t", entry.epochMillis());
    if (entry instanceof HistoryEntry.StateChange s) {
      row.put("kind", "state");
      row.put("namespec", s.namespec());
      row.put("from", s.from().name());
      row.put("to", s.to().name());
      row.put("pid", s.pid());
      row.put("exitStatus", s.exitStatus());
      row.put("expected", s.expected());
      row.put("spawnError", s.spawnError());
    } else if (entry instanceof HistoryEntry.Action a) {
      row.put("kind", "action");
      row.put("user", a.user());
      row.put("via", a.via());
      row.put("action", a.action());
      row.put("target", a.target());
      row.put("ok", a.ok());
      row.put("result", a.result());
    } else if (entry instanceof HistoryEntry.Daemon d) {
      row.put("kind", "daemon");
      row.put("event", d.event());
      row.put("detail", d.detail());
    }
    return row;
  }

  private static HttpResponse unavailable(Throwable error) {
    Actions.Outcome failed = Actions.failure("history", error);
    String message = failed.message().contains("UNKNOWN_METHOD") ? "history is not kept by this daemon"
        : failed.message();
    return Responses.json(StatusCodes.SERVICE_UNAVAILABLE, Json.write(ApiRoutes.outcome(false, failed.fault(), message)));
  }
}
