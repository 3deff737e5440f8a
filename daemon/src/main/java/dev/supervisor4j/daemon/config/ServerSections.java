package dev.supervisor4j.daemon.config;

import dev.supervisor4j.protocol.python.PyStr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code [inet_http_server*]} and {@code [unix_http_server*]}: every section whose name starts with
 * the prefix is one more server, so {@code [inet_http_serverX]} counts too. Inet servers come first,
 * as Supervisor opens them. Nothing is bound here; that is the runtime's job.
 */
final class ServerSections {
  private ServerSections() {}

  static final String INET = "inet_http_server";
  static final String UNIX = "unix_http_server";

  static List<HttpServerConfig> read(LoadContext ctx) throws ConfigException {
    List<HttpServerConfig> servers = new ArrayList<>();
    for (String section : ctx.ini.sections()) {
      if (section.startsWith(INET)) {
        servers.add(inet(ctx, section));
      }
    }
    for (String section : ctx.ini.sections()) {
      if (section.startsWith(UNIX)) {
        servers.add(unix(ctx, section));
      }
    }
    return servers;
  }

  private static HttpServerConfig inet(LoadContext ctx, String section) throws ConfigException {
    String[] auth = auth(ctx, section);
    String port = ctx.getEnvOnly(section, "port", null);
    if (port == null) {
      throw new ConfigException("section [" + section + "] has no port value");
    }
    Object[] address = Datatypes.inetAddress(port);
    return new HttpServerConfig.Inet(section, (String) address[0], (Integer) address[1], auth[0],
        auth[1]);
  }

  private static HttpServerConfig unix(LoadContext ctx, String section) throws ConfigException {
    String file = ctx.getWithHere(section, "file", null);
    if (file == null) {
      throw new ConfigException("section [" + section + "] has no file value");
    }
    Path path = Path.of(ctx.paths.normalize(PyStr.strip(file)));
    String[] auth = auth(ctx, section);
    long[] owner = {-1, -1};
    String chown = ctx.getEnvOnly(section, "chown", null);
    if (chown != null) {
      try {
        owner = ctx.users.resolveUserGroup(chown);
      } catch (ConfigException e) {
        throw new ConfigException("Invalid sockchown value " + chown);
      }
    }
    int chmod = 0700;
    String mode = ctx.getEnvOnly(section, "chmod", null);
    if (mode != null) {
      try {
        chmod = Datatypes.octal(mode);
      } catch (ConfigException e) {
        throw new ConfigException("Invalid chmod value " + mode);
      }
    }
    return new HttpServerConfig.Unix(section, path, chmod, (int) owner[0], (int) owner[1], auth[0],
        auth[1]);
  }

  /** {username, password}: both or neither. */
  private static String[] auth(LoadContext ctx, String section) throws ConfigException {
    String username = ctx.getEnvOnly(section, "username", null);
    String password = ctx.getEnvOnly(section, "password", null);
    if ((username == null) != (password == null)) {
      throw new ConfigException("Section [" + section + "] contains incomplete authentication: "
          + "If a username or a password is specified, both the username and password must be "
          + "specified");
    }
    return new String[] {username, password};
  }
}
