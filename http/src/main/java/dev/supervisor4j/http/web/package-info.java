/**
 * The web console: a live status page, log tails and a small JSON API, served as an extra route of
 * the HTTP front end and using nothing but {@link dev.supervisor4j.protocol.SupervisorApi}.
 *
 * <p>Public: {@link dev.supervisor4j.http.web.WebConsole} (create one per front end, pass its
 * route in {@code HttpOptions.withExtraRoutes}). Inside, one concern per file:
 * <ul>
 *   <li>routes: {@code WebConsole} (pages, static files, supervisord's form actions),
 *       {@code ApiRoutes} ({@code /api/v1/*}), {@code Responses} (headers: no-cache, CSP);</li>
 *   <li>{@code Actions}: each state change as {@code SupervisorApi} calls, ending in supervisord's
 *       flash message; {@code CsrfGuard}: token and {@code Origin} checks for every POST;</li>
 *   <li>{@code LiveFeed}: the shared poller and the per-client event stream; {@code ProcSampler}:
 *       CPU % and RSS from {@code /proc}; {@code TailStream}: a page's logs as one event stream;</li>
 *   <li>rendering: {@code Pages} (HTML shells, escaped), {@code ProcessRows} (the JSON row),
 *       {@code Json}, {@code Assets} ({@code console.css}, {@code console.js}, {@code tail.js},
 *       {@code icon.svg} in this package's resources).</li>
 * </ul>
 */
package dev.supervisor4j.http.web;
