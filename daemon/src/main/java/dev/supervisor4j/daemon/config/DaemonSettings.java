package dev.supervisor4j.daemon.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code [supervisord]} section, after command-line overrides.
 *
 * @param logfile         the main log path, made absolute against the start-up CWD; null when
 *                        {@code syslog}
 * @param logfileSyslog   true when {@code logfile=syslog}
 * @param logfileMaxBytes {@code logfile_maxbytes}; 0 means never rotate
 * @param logfileBackups  {@code logfile_backups}
 * @param loglevel        {@code loglevel}
 * @param pidfile         the pidfile path, absolute
 * @param umask           {@code umask} (applied only when daemonizing)
 * @param nodaemon        {@code nodaemon}
 * @param silent          {@code silent}
 * @param minfds          {@code minfds}
 * @param minprocs        {@code minprocs}
 * @param nocleanup       {@code nocleanup}
 * @param childlogdir     {@code childlogdir} (an existing directory)
 * @param user            {@code user}; null when unset
 * @param directory       {@code directory}; null when unset
 * @param stripAnsi       {@code strip_ansi}
 * @param environment     {@code environment}, in the order written
 * @param identifier      {@code identifier}
 */
public record DaemonSettings(
    Path logfile,
    boolean logfileSyslog,
    long logfileMaxBytes,
    int logfileBackups,
    LogLevel loglevel,
    Path pidfile,
    int umask,
    boolean nodaemon,
    boolean silent,
    int minfds,
    int minprocs,
    boolean nocleanup,
    Path childlogdir,
    UserSpec user,
    Path directory,
    boolean stripAnsi,
    Map<String, String> environment,
    String identifier) {
  public DaemonSettings {
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
  }
}
