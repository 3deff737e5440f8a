package dev.supervisor4j.daemon.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code [supervisord]}. Read in two steps to keep Supervisor's error order: the options are checked
 * when the file is read ({@link #read}), but {@code user} is resolved, and the command line applied,
 * only after every other section passed ({@link #settle}).
 */
final class DaemonSection {
  private DaemonSection() {}

  static final String NAME = "supervisord";

  /** The section's values as read, before command-line overrides. */
  record Values(int minfds, int minprocs, String directory, String user, int umask, String logfile,
      long logfileMaxBytes, int logfileBackups, LogLevel loglevel, String pidfile, String identifier,
      boolean nodaemon, boolean silent, String childlogdir, boolean nocleanup, boolean stripAnsi,
      Map<String, String> environment) {}

  /**
   * Reads and checks the section in Supervisor's order, then adds {@code ENV_<key>} of its
   * {@code environment} to the names later options may expand.
   *
   * @param tempDir the default {@code childlogdir}
   */
  static Values read(LoadContext ctx, String tempDir) throws ConfigException {
    int minfds = Datatypes.integer(get(ctx, "minfds", "1024"));
    int minprocs = Datatypes.integer(get(ctx, "minprocs", "200"));
    String directory = get(ctx, "directory", null);
    if (directory != null) {
      directory = ctx.existingDirectory(directory);
    }
    String user = get(ctx, "user", null);
    int umask = Datatypes.octal(get(ctx, "umask", "022"));
    String logfile = ctx.existingDirpath(get(ctx, "logfile", "supervisord.log"));
    long logfileMaxBytes = Datatypes.byteSize(get(ctx, "logfile_maxbytes", "50MB"));
    int logfileBackups = Datatypes.integer(get(ctx, "logfile_backups", "10"));
    LogLevel loglevel = Datatypes.logLevel(get(ctx, "loglevel", "info"));
    String pidfile = ctx.existingDirpath(get(ctx, "pidfile", "supervisord.pid"));
    String identifier = get(ctx, "identifier", "supervisor");
    boolean nodaemon = Datatypes.bool(get(ctx, "nodaemon", "false"));
    boolean silent = Datatypes.bool(get(ctx, "silent", "false"));
    String childlogdir = ctx.existingDirectory(get(ctx, "childlogdir", tempDir));
    boolean nocleanup = Datatypes.bool(get(ctx, "nocleanup", "false"));
    boolean stripAnsi = Datatypes.bool(get(ctx, "strip_ansi", "false"));

    // Expanded twice, as in Supervisor: once as an option (here + ENV_*), then again with
    // host_node_name too. So a literal % must be written %%%% here.
    String once = get(ctx, "environment", "");
    Map<String, Object> names = new LinkedHashMap<>();
    names.put("here", ctx.here);
    names.put("host_node_name", ctx.hostNodeName);
    names.putAll(ctx.envExpansions);
    Map<String, String> environment =
        KeyValuePairs.parse(Expansions.expand(once, names, "environment"));
    environment.forEach((k, v) -> ctx.envExpansions.put("ENV_" + k, v));

    return new Values(minfds, minprocs, directory, user, umask, logfile, logfileMaxBytes,
        logfileBackups, loglevel, pidfile, identifier, nodaemon, silent, childlogdir, nocleanup,
        stripAnsi, environment);
  }

  /** Applies the command line (each given flag beats the file) and resolves the user. */
  static DaemonSettings settle(Values v, CommandLineOverrides cli, LoadContext ctx)
      throws ConfigException {
    String userName = cli.user() != null ? cli.user() : v.user();
    UserSpec user = userName == null ? null : ctx.users.userSpec(userName);
    String logfile = cli.logfile() != null ? cli.logfile() : v.logfile();
    boolean syslog = logfile.equals("syslog"); // only the exact word; anything else is a path
    String pidfile = cli.pidfile() != null ? cli.pidfile() : v.pidfile();
    Path directory = cli.directory() != null ? cli.directory()
        : v.directory() == null ? null : Path.of(v.directory());
    return new DaemonSettings(
        syslog ? null : Path.of(ctx.paths.normalize(logfile)),
        syslog,
        cli.logfileMaxBytes() != null ? cli.logfileMaxBytes() : v.logfileMaxBytes(),
        cli.logfileBackups() != null ? cli.logfileBackups() : v.logfileBackups(),
        cli.loglevel() != null ? cli.loglevel() : v.loglevel(),
        Path.of(ctx.paths.normalize(pidfile)),
        cli.umask() != null ? cli.umask() : v.umask(),
        cli.nodaemon() || v.nodaemon(),
        cli.silent() || v.silent(),
        cli.minfds() != null ? cli.minfds() : v.minfds(),
        cli.minprocs() != null ? cli.minprocs() : v.minprocs(),
        cli.nocleanup() || v.nocleanup(),
        cli.childlogdir() != null ? cli.childlogdir() : Path.of(v.childlogdir()),
        user,
        directory,
        cli.stripAnsi() || v.stripAnsi(),
        v.environment(),
        cli.identifier() != null ? cli.identifier() : v.identifier());
  }

  private static String get(LoadContext ctx, String option, String dflt) throws ConfigException {
    return ctx.getWithHere(NAME, option, dflt);
  }
}
