package dev.supervisor4j.daemon.config;

import dev.supervisor4j.protocol.python.PyRepr;
import dev.supervisor4j.protocol.python.PyStr;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code socket} options of an {@code [fcgi-program:x]}. Supervisor also creates the socket once
 * when it makes the group, to fail early; this loader must stay free of side effects (it also serves
 * {@code reread}), so that check is the GroupActor's, when it makes the group.
 */
final class FcgiSockets {
  private FcgiSockets() {}

  /**
   * Parses and checks the socket options in Supervisor's order.
   *
   * @param section the section name, for error texts
   */
  static FcgiSocket read(LoadContext ctx, String section, String programName) throws ConfigException {
    String user = ctx.getWithHere(section, "user", null);
    Users.Entry procUser = user == null ? null : ctx.users.resolveUser(user);
    Integer backlog = null;
    String backlogText = ctx.getWithHere(section, "socket_backlog", null);
    if (backlogText != null) {
      backlog = Datatypes.integer(backlogText);
      if (backlog < 1 || backlog > 65535) {
        throw new ConfigException("Invalid socket_backlog value " + backlog);
      }
    }
    String owner = ctx.getWithHere(section, "socket_owner", null);
    long[] chown = null;
    if (owner != null) {
      try {
        chown = ctx.users.resolveUserGroup(owner);
      } catch (ConfigException e) {
        throw new ConfigException("Invalid socket_owner value " + owner);
      }
    }
    Integer mode = null;
    String modeText = ctx.getWithHere(section, "socket_mode", null);
    if (modeText != null) {
      try {
        mode = Datatypes.octal(modeText);
      } catch (ConfigException e) {
        throw new ConfigException("Invalid socket_mode value " + modeText);
      }
    }
    Map<String, Object> names = new LinkedHashMap<>();
    names.put("program_name", programName);
    names.put("here", ctx.here);
    String socket = ctx.get(section, "socket", null, names);
    if (socket == null || socket.isEmpty()) {
      throw new ConfigException("[" + section + "] section requires a \"socket\" line");
    }
    try {
      String url = url(ctx, socket, owner, mode);
      if (url.startsWith("unix://") && chown == null && procUser != null) {
        Long daemonUid = Users.currentUid();
        if (daemonUid == null || procUser.id() != daemonUid) {
          chown = new long[] {procUser.id(), procUser.gid()};
        }
      }
      return chown == null
          ? new FcgiSocket(url, backlog, owner, mode)
          : new FcgiSocket(url, backlog, owner, mode, (int) chown[0], (int) chown[1]);
    } catch (ConfigException e) {
      throw new ConfigException(e.getMessage() + " in [" + section + "] socket");
    }
  }

  /** The normalised socket URL: {@code unix://<abs path>} or {@code tcp://<host lower>:<port>}. */
  private static String url(LoadContext ctx, String socket, String owner, Integer mode)
      throws ConfigException {
    if (socket.startsWith("unix://")) {
      String path = socket.substring("unix://".length());
      if (!PyPaths.isAbsolute(path)) {
        throw new ConfigException(pythonTuple("Unix socket path %s is not an absolute path", path));
      }
      return "unix://" + ctx.paths.normalize(path);
    }
    if (owner != null || mode != null) {
      throw new ConfigException("socket_owner and socket_mode params should only be used with a "
          + "Unix domain socket");
    }
    // tcp://([^\s:]+):(\d+)$ -- and like Python's $, one trailing newline is tolerated
    String rest = socket.startsWith("tcp://") ? socket.substring("tcp://".length()) : null;
    if (rest != null && rest.endsWith("\n")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    int colon = rest == null ? -1 : rest.indexOf(':');
    if (colon > 0 && validHost(rest.substring(0, colon)) && digits(rest.substring(colon + 1))) {
      BigInteger port = Datatypes.pyInt(rest.substring(colon + 1));
      int checked = Datatypes.port(port.toString());
      return "tcp://" + PyStr.lower(rest.substring(0, colon)) + ":" + checked;
    }
    throw new ConfigException(pythonTuple("Bad socket format %s", socket));
  }

  private static boolean validHost(String host) {
    return host.chars().noneMatch(PyStr::isSpace);
  }

  private static boolean digits(String s) {
    return !s.isEmpty() && s.codePoints().allMatch(c -> Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER);
  }

  /** How Python prints a ValueError raised with two arguments: the tuple's repr. */
  private static String pythonTuple(String first, String second) {
    return "(" + PyRepr.of(first) + ", " + PyRepr.of(second) + ")";
  }
}
