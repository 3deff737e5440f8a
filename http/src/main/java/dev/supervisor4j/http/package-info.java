/**
 * supervisord's HTTP side on Pekko HTTP: the listeners, the handler table, authentication.
 *
 * <p>Public: {@link dev.supervisor4j.http.HttpFrontEnd} (binds and stops everything),
 * {@link dev.supervisor4j.http.HttpServerSpec} (one listener), {@link dev.supervisor4j.http.RpcHandler}
 * (what {@code /RPC2} calls; by default {@code DispatchingRpcHandler}, the protocol's XML-RPC
 * dispatcher over the API as each caller uses it), {@link dev.supervisor4j.http.CallerAttribute}
 * (the protocol's {@code Caller} of a request), {@link dev.supervisor4j.http.HttpLog},
 * {@link dev.supervisor4j.http.HttpOptions}, {@link dev.supervisor4j.http.HttpBindException}.
 *
 * <p>Inside, one concern per file:
 * <ul>
 *   <li>listeners: {@code InetListener} (Pekko TCP), {@code UnixListener} (socket file: stale/live,
 *       chmod/chown, accept loop), {@code UnixConnection} + {@code ChannelStreams} (blocking channel
 *       I/O on the front end's dispatcher), {@code BindErrors} (supervisord's messages);</li>
 *   <li>one connection: {@code ConnectionPipeline} (bytes to requests through Pekko's server layer),
 *       {@code ConnectionWatch} (idle timeout that spares exchanges in progress, client end of
 *       stream), {@code ExchangeTracker}, {@code StrayCrlfFilter} + {@code RequestFraming},
 *       {@code PekkoServerSettings}, {@code IllegalRequests} (unparsable requests: error page, debug
 *       log) + {@code HttpLogAdapter} (Pekko's log into the main log);</li>
 *   <li>routes: {@code Routes} (table, auth, rejection and exception pages), {@code RpcRoute}
 *       (+ {@code BodyBudget}: large bodies one batch at a time),
 *       {@code LogTailRoutes}, {@code BasicAuth}, {@code ErrorPages}, {@code RequestPaths}.</li>
 * </ul>
 *
 * <p>The web console lives in {@code dev.supervisor4j.http.web} and plugs in as an extra route.
 */
package dev.supervisor4j.http;
