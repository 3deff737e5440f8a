package dev.supervisor4j.ctl.options;

import dev.supervisor4j.ctl.compat.PyUrl;
import dev.supervisor4j.protocol.python.Getopt;
import dev.supervisor4j.protocol.python.PyRepr;
import dev.supervisor4j.protocol.python.PythonError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Turns supervisorctl's argv into {@link CtlOptions} with Supervisor's precedence (command line,
 * then {@code [supervisorctl]}, then defaults), its option names ({@code -r}'s long form is
 * {@code --history_file}, as in 4.2.5), and its usage errors: {@code conflicting command line
 * option}, {@code invalid value for -s}, getopt's messages, and the config file's.
 *
 * <p>One deliberate difference: Supervisor 4.2.5 stores {@code -r} in an attribute its shell never
 * reads, so only the config's {@code history_file} works there; here {@code -r} works and wins.
 */
public final class OptionsParser {
  private static final String SHORT = "h?c:is:u:p:r:";
  private static final List<String> LONG = List.of("help", "configuration=", "interactive", "serverurl=",
      "username=", "password=", "history_file=");

  private OptionsParser() {}

  /**
   * @param progname    {@code argv[0]}: the config search starts two directories above it
   * @param environment for {@code %(ENV_X)s}
   */
  public static CtlOptions parse(List<String> argv, String progname, Map<String, String> environment)
      throws UsageException, ConfigFileException {
    Getopt.Result parsed;
    try {
      parsed = Getopt.parse(argv, SHORT, LONG);
    } catch (PythonError e) {
      throw new UsageException(e.getMessage());
    }
    String configfile = null;
    Boolean interactive = null;
    String serverurl = null;
    String username = null;
    String password = null;
    String history = null;
    for (Getopt.Opt opt : parsed.opts()) {
      String v = opt.value();
      switch (opt.name()) {
        case "-h":
        case "-?":
        case "--help":
          return CtlOptions.help(progname);
        case "-c":
        case "--configuration":
          configfile = once(configfile, v, opt);
          break;
        case "-i":
        case "--interactive":
          if (interactive != null) {
            throw conflict(opt);
          }
          interactive = Boolean.TRUE;
          break;
        case "-s":
        case "--serverurl":
          if (!PyUrl.split(v).isUrl()) {
            throw new UsageException("invalid value for " + opt.name() + " " + PyRepr.of(v) + ": value "
                + PyRepr.of(v) + " is not a URL");
          }
          serverurl = once(serverurl, v, opt);
          break;
        case "-u":
        case "--username":
          username = once(username, v, opt);
          break;
        case "-p":
        case "--password":
          password = once(password, v, opt);
          break;
        default: // -r, --history_file
          history = once(history, v, opt);
          break;
      }
    }
    if (configfile == null) {
      for (String candidate : CtlConfigFile.searchPaths(progname)) {
        if (Files.exists(Path.of(candidate))) {
          configfile = candidate;
          break;
        }
      }
    }
    CtlConfigFile file = configfile == null ? null : CtlConfigFile.read(configfile, environment);
    List<String> args = parsed.args();
    String url = serverurl != null ? serverurl : file != null ? file.serverurl() : CtlOptions.DEFAULT_SERVERURL;
    return new CtlOptions(progname, false, args, interactive != null || args.isEmpty(),
        file != null ? file.prompt() : "supervisor",
        history != null ? history : file != null ? file.historyFile() : null,
        url,
        username != null ? username : file != null ? file.username() : null,
        password != null ? password : file != null ? file.password() : null);
  }

  private static String once(String current, String value, Getopt.Opt opt) throws UsageException {
    if (current != null) {
      throw conflict(opt);
    }
    return value;
  }

  private static UsageException conflict(Getopt.Opt opt) {
    return new UsageException("conflicting command line option " + PyRepr.of(opt.name()));
  }
}
