package dev.supervisor4j.http;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.http.javadsl.settings.ServerSettings;

/**
 * The Pekko HTTP server settings this front end needs, laid over the system's configuration (so an
 * operator can still tune anything else). Applied in code rather than in reference.conf, where they
 * would compete with Pekko's own reference.conf.
 */
final class PekkoServerSettings {
  private PekkoServerSettings() {}

  static ServerSettings create(ClassicActorSystemProvider system, HttpOptions options) {
    Config ours = ConfigFactory.parseString(String.join("\n",
        // supervisorctl's tail -f client sends "Host:" with no value on unix sockets; without a
        // default Pekko answers 400 "request has a relative URI and an empty Host header".
        "pekko.http.server.default-host-header = \"localhost\"",
        // startProcess with wait=true answers after startsecs, which may exceed any fixed limit;
        // supervisord has no request timeout, and neither do we (Pekko's default gives 503 at 20 s).
        "pekko.http.server.request-timeout = infinite",
        // ConnectionWatch replaces Pekko's connection idle timeout (it spares streaming responses).
        "pekko.http.server.idle-timeout = infinite",
        "pekko.http.server.parsing.max-content-length = " + options.maxRequestBytes(),
        // Unparsable requests get supervisord's error page and are logged at debug (IllegalRequests);
        // a header Pekko cannot parse is kept raw and logged nowhere: clients choose both at will.
        "pekko.http.server.parsing.error-handler = \"" + IllegalRequests.class.getName() + "\"",
        "pekko.http.server.parsing.illegal-header-warnings = off",
        // Keep Authorization exactly as sent: Pekko's Basic model re-encodes what it decodes, so
        // undecodable credentials (400 in supervisord) would be indistinguishable from wrong ones.
        // Connection, Host and Expect are still modelled, and Content-* are always handled.
        "pekko.http.server.parsing.modeled-header-parsing = off"));
    return ServerSettings.create(ours.withFallback(system.classicSystem().settings().config()));
  }
}
