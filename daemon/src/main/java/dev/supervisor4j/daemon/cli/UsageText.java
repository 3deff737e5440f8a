package dev.supervisor4j.daemon.cli;

/** The text {@code supervisord -h} prints, in our own words, option for option as Supervisor's. */
public final class UsageText {
  private UsageText() {}

  public static String of(String argv0) {
    return String.join("\n",
        "supervisord (supervisor4j) -- starts a set of programs and keeps them running.",
        "",
        "Usage: " + argv0 + " [options]",
        "",
        "Options:",
        "-c/--configuration FILENAME -- the config file (default: search the usual places)",
        "-n/--nodaemon -- stay in the foreground (config: nodaemon=true)",
        "-s/--silent -- with -n, do not copy the log to stdout (config: silent=true)",
        "-h/--help -- show this help and exit",
        "-v/--version -- show the Supervisor version we are compatible with and exit",
        "-u/--user USER -- drop privileges to this user name or uid",
        "-m/--umask UMASK -- octal umask once daemonized (default 022)",
        "-d/--directory DIRECTORY -- change to this directory once daemonized",
        "-l/--logfile FILENAME -- the main log file",
        "-y/--logfile_maxbytes BYTES -- rotate the main log at this size (e.g. 50MB; 0 = never)",
        "-z/--logfile_backups NUM -- how many rotated main logs to keep",
        "-e/--loglevel LEVEL -- critical, error, warn, info, debug, trace or blather",
        "-j/--pidfile FILENAME -- where to write the daemon's pid",
        "-i/--identifier STR -- the name of this supervisord instance",
        "-q/--childlogdir DIRECTORY -- where AUTO child logs go",
        "-k/--nocleanup -- keep old AUTO child logs at start-up",
        "-a/--minfds NUM -- file descriptors that must be available to start",
        "-t/--strip_ansi -- remove ANSI escape sequences from child output",
        "--minprocs NUM -- processes that must be available to start",
        "--profile_options OPTIONS -- accepted for compatibility and ignored",
        "");
  }
}
