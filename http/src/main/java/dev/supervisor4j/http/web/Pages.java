package dev.supervisor4j.http.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The console's HTML, as pure functions of their inputs. Pages are shells: rows and log text are
 * filled in by {@code console.js} and {@code tail.js} through the DOM's {@code textContent}, never
 * as markup. Every value written here goes through {@link #html} (or {@link Json}, whose strings
 * cannot close a {@code <script>} block).
 */
final class Pages {
  private Pages() {}

  /** An action a GET link asked for, shown as a button that POSTs it; supervisord acted at once. */
  record Confirm(String action, String processName, String question, String button) {}

  /**
   * The status page.
   *
   * @param initialJson the process list, {@code {"processes":[...]}}, drawn before the event stream
   *                    connects
   * @param flash       a message to show (from {@code ?message=} after an action), if any
   * @param confirm     a GET action to confirm, if any
   */
  static String status(String token, String identification, String version, String initialJson,
      Optional<String> flash, Optional<Confirm> confirm) {
    StringBuilder b = new StringBuilder(4096);
    head(b, "Supervisor Status", token);
    b.append("<body class=\"status-page\">\n");
    b.append("<header class=\"top\">\n")
        .append("  <div class=\"brand\"><img src=\"console/icon.svg\" alt=\"\" width=\"22\" height=\"22\">")
        .append("<span class=\"product\">Supervisor</span>")
        // supervisord's default identifier says nothing; a configured one names the host or role.
        .append(identification.equals("supervisor") ? ""
            : "<span class=\"ident\">" + html(identification) + "</span>")
        .append("</div>\n")
        .append("  <div id=\"conn\" class=\"conn connecting\" role=\"status\">connecting\u2026</div>\n")
        .append("</header>\n<main>\n");
    String flashClass = flash.map(m -> isError(m) ? "flash error" : "flash ok").orElse("flash hidden");
    b.append("<div id=\"flash\" class=\"").append(flashClass).append("\" role=\"status\">")
        .append("<span class=\"text\">").append(html(flash.orElse(""))).append("</span>")
        .append("<button type=\"button\" class=\"close\" aria-label=\"Dismiss\">\u00d7</button></div>\n");
    confirm.ifPresent(c -> confirmForm(b, token, c));
    b.append("""
        <div class="toolbar">
          <input id="filter" type="search" placeholder="Filter by name\u2026" autocomplete="off" aria-label="Filter">
          <span class="spacer"></span>
          <button type="button" class="btn" data-action="restart" data-target="*">Restart all</button>
          <button type="button" class="btn danger" data-action="stop" data-target="*">Stop all</button>
          <a class="btn" href="maintail.html" target="_blank" rel="noopener">Main log</a>
        </div>
        <table id="processes">
          <thead><tr><th class="c-state">State</th><th class="c-name">Name</th><th class="c-desc">Description</th>\
        <th class="c-num">CPU</th><th class="c-num">Memory</th><th class="c-hist">History</th>\
        <th class="c-actions">Actions</th></tr></thead>
          <tbody></tbody>
        </table>
        <p id="empty" class="empty" hidden>No programs to manage</p>
        <noscript><p class="empty">The live table needs JavaScript. supervisorctl and XML-RPC work without it.</p></noscript>
        </main>
        """);
    b.append("<footer>Supervisor ").append(html(version))
        .append(" \u00b7 supervisor4j \u00b7 <a href=\"api/v1/processes\">JSON API</a></footer>\n");
    b.append("<script type=\"application/json\" id=\"initial\">").append(initialJson).append("</script>\n");
    b.append("<script src=\"console/console.js\"></script>\n</body>\n</html>\n");
    return b.toString();
  }

  private static void confirmForm(StringBuilder b, String token, Confirm c) {
    b.append("<form class=\"confirm\" method=\"post\" action=\"index.html\">\n")
        .append("  <p>").append(html(c.question())).append("</p>\n")
        .append("  <input type=\"hidden\" name=\"action\" value=\"").append(html(c.action())).append("\">\n")
        .append("  <input type=\"hidden\" name=\"processname\" value=\"").append(html(c.processName())).append("\">\n")
        .append("  <input type=\"hidden\" name=\"").append(CsrfGuard.FIELD).append("\" value=\"").append(html(token))
        .append("\">\n")
        .append("  <button type=\"submit\" class=\"btn primary\" id=\"confirm\">").append(html(c.button()))
        .append("</button> <a class=\"btn\" href=\"index.html\">Cancel</a>\n")
        .append("</form>\n");
  }

  /** The tail page of one process: stdout and stderr, following the logs over one event stream. */
  static String tail(String token, String name, Optional<String> error) {
    StringBuilder b = new StringBuilder(2048);
    head(b, "Supervisor tail of process " + name, token);
    if (error.isPresent()) {
      tailHeader(b, name, "");
      b.append("<p class=\"empty\">").append(html(error.get())).append("</p>\n</main>\n</body>\n</html>\n");
      return b.toString();
    }
    String path = segment(name);
    tailHeader(b, name, "api/v1/processes/" + path + "/tail");
    logPane(b, "stdout", "api/v1/processes/" + path + "/log/stdout", name + "-stdout.log");
    logPane(b, "stderr", "api/v1/processes/" + path + "/log/stderr", name + "-stderr.log");
    b.append("</main>\n<script src=\"console/tail.js\"></script>\n</body>\n</html>\n");
    return b.toString();
  }

  /**
   * The history page: for a process, a timeline of its recorded states (bands coloured by state,
   * exits marked) and the list of its state changes and of who acted on it; without a name, the
   * operator actions and daemon events. Filled by {@code history.js} from {@link HistoryRoutes}.
   */
  static String history(String token, String name) {
    StringBuilder b = new StringBuilder(2048);
    head(b, name.isEmpty() ? "Supervisor history" : "Supervisor history of " + name, token);
    b.append("<body class=\"history-page\" data-process=\"").append(html(name)).append("\">\n")
        .append("<header class=\"top\">\n")
        .append("  <div class=\"brand\"><img src=\"console/icon.svg\" alt=\"\" width=\"22\" height=\"22\">")
        .append("<a class=\"product\" href=\"index.html\">Supervisor</a><span class=\"ident\">history ")
        .append(html(name.isEmpty() ? "of operator actions" : name)).append("</span></div>\n")
        .append("</header>\n<main>\n");
    if (!name.isEmpty()) {
      b.append("""
          <section class="panel">
            <div class="logbar"><h2>Timeline</h2><span class="spacer"></span><span id="summary" class="muted"></span></div>
            <div id="timeline" class="timeline" role="img" aria-label="States over time"></div>
            <div class="axis"><span id="t-from"></span><span id="t-to"></span></div>
            <div class="legend"><span class="swatch running"></span>running <span class="swatch starting"></span>starting           <span class="swatch error"></span>backoff / fatal <span class="swatch nominal"></span>stopped / exited           <span class="exit-mark"></span>unexpected exit</div>
          </section>
          """);
    }
    b.append("""
        <section class="panel">
          <div class="logbar"><h2>Events</h2><span class="spacer"></span>        <a class="btn" href="history.html">Operator actions</a></div>
          <table id="entries"><thead><tr><th class="c-time">Time</th><th>What</th><th>Detail</th></tr></thead>        <tbody></tbody></table>
          <p id="hist-msg" class="empty" hidden></p>
        </section>
        </main>
        <script src="console/history.js"></script>
        </body>
        </html>
        """);
    return b.toString();
  }

  /** The main log page. */
  static String mainTail(String token) {
    StringBuilder b = new StringBuilder(2048);
    head(b, "Supervisor main log", token);
    tailHeader(b, "main log", "api/v1/mainlog/tail");
    logPane(b, "log", "api/v1/mainlog", "supervisord.log");
    b.append("</main>\n<script src=\"console/tail.js\"></script>\n</body>\n</html>\n");
    return b.toString();
  }

  private static void tailHeader(StringBuilder b, String what, String stream) {
    b.append("<body class=\"tail-page\">\n<header class=\"top\">\n")
        .append("  <div class=\"brand\"><img src=\"console/icon.svg\" alt=\"\" width=\"22\" height=\"22\">")
        .append("<a class=\"product\" href=\"index.html\">Supervisor</a><span class=\"ident\">tail -f ")
        .append(html(what)).append("</span></div>\n")
        .append(stream.isEmpty() ? ""
            : "  <div id=\"conn\" class=\"conn connecting\" role=\"status\">connecting\u2026</div>\n")
        .append("</header>\n<main class=\"logs\"")
        .append(stream.isEmpty() ? "" : " data-stream=\"" + html(stream) + "\"").append(">\n");
  }

  private static void logPane(StringBuilder b, String channel, String download, String fileName) {
    b.append("<section class=\"log\" data-channel=\"").append(html(channel)).append("\">\n")
        .append("  <div class=\"logbar\"><h2>").append(html(channel)).append("</h2>")
        .append("<span class=\"pane-state\"></span><span class=\"spacer\"></span>")
        .append("<button type=\"button\" class=\"btn pause\">Pause</button>")
        .append("<button type=\"button\" class=\"btn clear\">Clear view</button>")
        .append("<a class=\"btn\" href=\"").append(html(download)).append("\" download=\"")
        .append(html(fileName)).append("\">Download</a></div>\n")
        .append("  <pre class=\"logtext\" tabindex=\"0\"></pre>\n</section>\n");
  }

  private static void head(StringBuilder b, String title, String token) {
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"csrf-token\" content=\"").append(html(token)).append("\">\n")
        .append("<title>").append(html(title)).append("</title>\n")
        .append("<link rel=\"icon\" href=\"console/icon.svg\">\n")
        .append("<link rel=\"stylesheet\" href=\"console/console.css\">\n</head>\n");
  }

  static boolean isError(String message) {
    return message.startsWith("ERROR") || message.startsWith("No such") || message.startsWith("Unknown");
  }

  /** A namespec as one URL path segment ({@code grp:ga} becomes {@code grp%3Aga}, as supervisord writes it). */
  static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String html(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
