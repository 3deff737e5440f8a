package dev.supervisor4j.daemon.config;

import java.nio.file.Path;

/**
 * Values from supervisord's command line that beat the {@code [supervisord]} section. A null field
 * (or false flag) means "not given". Already validated by the command-line parser.
 */
public record CommandLineOverrides(
    boolean nodaemon,
    boolean silent,
    String user,
    Integer umask,
    Path directory,
    String logfile,
    Long logfileMaxBytes,
    Integer logfileBackups,
    LogLevel loglevel,
    String pidfile,
    String identifier,
    Path childlogdir,
    boolean nocleanup,
    Integer minfds,
    Integer minprocs,
    boolean stripAnsi) {

  public static CommandLineOverrides none() {
    return new CommandLineOverrides(false, false, null, null, null, null, null, null, null, null,
        null, null, false, null, null, false);
  }
}
