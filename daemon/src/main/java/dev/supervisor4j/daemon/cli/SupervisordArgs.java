package dev.supervisor4j.daemon.cli;

import dev.supervisor4j.daemon.config.CommandLineOverrides;
import dev.supervisor4j.daemon.config.ConfigException;
import dev.supervisor4j.daemon.config.Datatypes;
import dev.supervisor4j.daemon.config.LogLevel;
import dev.supervisor4j.protocol.python.Getopt;
import dev.supervisor4j.protocol.python.PyRepr;
import dev.supervisor4j.protocol.python.PythonError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * supervisord's command line: {@code -c -n -s -h -v -u -m -d -l -y -z -e -j -i -q -k -a -t} and the
 * long forms (underscores, as Supervisor spells them), with Supervisor's error texts.
 *
 * @param configFile the {@code -c} value as typed, or null to search the default locations
 * @param help       {@code -h}, {@code --help} or {@code -?}
 * @param version    {@code -v} or {@code --version}
 * @param overrides  values that beat the {@code [supervisord]} section
 */
public record SupervisordArgs(String configFile, boolean help, boolean version, CommandLineOverrides overrides) {

  private static final String SHORT = "c:hvnsu:m:d:l:y:z:e:j:i:q:ka:t?";
  private static final List<String> LONG = List.of(
      "configuration=", "nodaemon", "silent", "help", "version", "user=", "umask=", "directory=",
      "logfile=", "logfile_maxbytes=", "logfile_backups=", "loglevel=", "pidfile=", "identifier=",
      "childlogdir=", "nocleanup", "minfds=", "strip_ansi", "minprocs=", "profile_options=");

  /** Parses supervisord's arguments (without argv[0]). */
  public static SupervisordArgs parse(List<String> args) throws UsageException {
    Getopt.Result parsed;
    try {
      parsed = Getopt.parse(args, SHORT, LONG);
    } catch (PythonError e) {
      throw new UsageException(e.getMessage());
    }
    if (!parsed.args().isEmpty()) {
      throw new UsageException("positional arguments are not supported: " + pythonList(parsed.args()));
    }
    Builder b = new Builder();
    Set<String> seen = new HashSet<>();
    for (Getopt.Opt opt : parsed.opts()) {
      String key = canonical(opt.name());
      if (!seen.add(key)) {
        throw new UsageException("conflicting command line option " + PyRepr.of(opt.name()));
      }
      b.apply(key, opt.name(), opt.value());
    }
    return b.build();
  }

  /** Maps {@code -c} and {@code --configuration} to one key, so that giving both conflicts. */
  private static String canonical(String flag) {
    switch (flag) {
      case "-c": return "configuration";
      case "-n": return "nodaemon";
      case "-s": return "silent";
      case "-h": case "-?": return "help";
      case "-v": return "version";
      case "-u": return "user";
      case "-m": return "umask";
      case "-d": return "directory";
      case "-l": return "logfile";
      case "-y": return "logfile_maxbytes";
      case "-z": return "logfile_backups";
      case "-e": return "loglevel";
      case "-j": return "pidfile";
      case "-i": return "identifier";
      case "-q": return "childlogdir";
      case "-k": return "nocleanup";
      case "-a": return "minfds";
      case "-t": return "strip_ansi";
      default: return flag.substring(2);
    }
  }

  /** Python's repr of a list of strings, as in {@code ['extra']}. */
  private static String pythonList(List<String> items) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(PyRepr.of(items.get(i)));
    }
    return sb.append(']').toString();
  }

  /** Collects values; each check raises Supervisor's {@code invalid value for -x 'v': reason}. */
  private static final class Builder {
    String configFile;
    boolean help;
    boolean version;
    boolean nodaemon;
    boolean silent;
    String user;
    Integer umask;
    Path directory;
    String logfile;
    Long logfileMaxBytes;
    Integer logfileBackups;
    LogLevel loglevel;
    String pidfile;
    String identifier;
    Path childlogdir;
    boolean nocleanup;
    Integer minfds;
    Integer minprocs;
    boolean stripAnsi;

    void apply(String key, String flag, String v) throws UsageException {
      switch (key) {
        case "configuration": configFile = v; break;
        case "help": help = true; break;
        case "version": version = true; break;
        case "nodaemon": nodaemon = true; break;
        case "silent": silent = true; break;
        case "user": user = v; break;
        case "umask": umask = octal(flag, v); break;
        case "directory": directory = existingDirectory(flag, v); break;
        case "logfile": logfile = v; break;
        case "logfile_maxbytes": logfileMaxBytes = byteSize(flag, v); break;
        case "logfile_backups": logfileBackups = integer(flag, v); break;
        case "loglevel": loglevel = level(flag, v); break;
        case "pidfile": pidfile = v; break;
        case "identifier": identifier = v; break;
        case "childlogdir": childlogdir = existingDirectory(flag, v); break;
        case "nocleanup": nocleanup = true; break;
        case "minfds": minfds = integer(flag, v); break;
        case "minprocs": minprocs = integer(flag, v); break;
        case "strip_ansi": stripAnsi = true; break;
        case "profile_options": break; // Python's profiler has no meaning here; accepted and ignored.
        default: throw new IllegalStateException(key);
      }
    }

    SupervisordArgs build() {
      return new SupervisordArgs(configFile, help, version, new CommandLineOverrides(
          nodaemon, silent, user, umask, directory, logfile, logfileMaxBytes, logfileBackups,
          loglevel, pidfile, identifier, childlogdir, nocleanup, minfds, minprocs, stripAnsi));
    }

    private static UsageException invalid(String flag, String v, String reason) {
      return new UsageException("invalid value for " + flag + " " + PyRepr.of(v) + ": " + reason);
    }

    /** The loader's value types, so the command line and the file agree on every text. */
    private interface Parse<T> {
      T apply(String v) throws ConfigException;
    }

    private static <T> T parse(String flag, String v, Parse<T> type) throws UsageException {
      try {
        return type.apply(v);
      } catch (ConfigException e) {
        throw invalid(flag, v, e.getMessage());
      }
    }

    private static int integer(String flag, String v) throws UsageException {
      return parse(flag, v, Datatypes::integer);
    }

    private static int octal(String flag, String v) throws UsageException {
      return parse(flag, v, Datatypes::octal);
    }

    private static long byteSize(String flag, String v) throws UsageException {
      return parse(flag, v, Datatypes::byteSize);
    }

    private static LogLevel level(String flag, String v) throws UsageException {
      return parse(flag, v, Datatypes::logLevel);
    }

    private static Path existingDirectory(String flag, String v) throws UsageException {
      Path p = Path.of(v.startsWith("~") ? System.getProperty("user.home") + v.substring(1) : v);
      if (!Files.isDirectory(p)) {
        throw invalid(flag, v, v + " is not an existing directory");
      }
      return p;
    }
  }
}
