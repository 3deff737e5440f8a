package dev.supervisor4j.daemon.config;

import dev.supervisor4j.protocol.python.PyRepr;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python entry-point specs ({@code module:attr}) as Supervisor resolves them for
 * {@code supervisor.rpcinterface_factory} and {@code result_handler}. Python code cannot load here, so
 * only the specs naming Supervisor's own built-ins are accepted; a well-formed spec naming anything
 * else gets Supervisor's "cannot be resolved" error, and a malformed one the setuptools tuple message
 * that supervisord prints verbatim.
 */
final class EntryPoints {
  private EntryPoints() {}

  static final String MAIN_RPC_INTERFACE = "supervisor.rpcinterface:make_main_rpcinterface";
  static final String DEFAULT_RESULT_HANDLER = "supervisor.dispatchers:default_handler";

  private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;
  private static final Pattern SPEC = Pattern.compile(
      "\\s*(?<name>.+?)\\s*=\\s*(?<module>[\\w.]+)\\s*(:\\s*(?<attr>[\\w.]+))?\\s*(?<extras>\\[.*\\])?\\s*$",
      FLAGS);
  private static final Pattern MODULE = Pattern.compile("\\w+(\\.\\w+)*$", FLAGS);

  /**
   * Checks that {@code spec} names one of {@code builtins} (each {@code module:attr}).
   *
   * @param section used in the "cannot be resolved within [section]" error
   */
  static void resolve(String spec, String section, List<String> builtins) throws ConfigException {
    String src = "x=" + spec;
    Matcher m = SPEC.matcher(src);
    if (!m.lookingAt()) {
      throw new ConfigException("(" + PyRepr.of("EntryPoint must be in 'name=module:attrs [extras]' format")
          + ", " + PyRepr.of(src) + ")");
    }
    String module = m.group("module");
    if (!MODULE.matcher(module).lookingAt()) {
      throw new ConfigException("(" + PyRepr.of("Invalid module name") + ", " + PyRepr.of(module) + ")");
    }
    String attr = m.group("attr");
    if (!builtins.contains(module + ":" + (attr == null ? "" : attr))) {
      throw new ConfigException(spec + " cannot be resolved within [" + section + "]");
    }
  }
}
