package dev.supervisor4j.daemon.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import dev.supervisor4j.daemon.config.LogLevel;
import dev.supervisor4j.daemon.output.RotatingLogFile;
import dev.supervisor4j.daemon.output.Syslog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * supervisord's main ("activity") log: the SLF4J logger {@code supervisord}, written by Logback in
 * supervisord's format ({@code 2026-11-24 02:23:18,699 INFO message}) to a file that rotates after
 * every record like the child logs, or with {@code logfile=syslog} to syslog (one message per line,
 * see {@link SyslogAppender}), plus a copy on stdout with nodaemon and not silent.
 *
 * <p>Levels: SLF4J has no CRITICAL or BLATHER, so {@link #crit} logs ERROR with the {@link #CRIT}
 * marker and {@link #blather} logs TRACE with the {@link #BLAT} marker; filtering follows
 * supervisord's numbers (loglevel=warn shows CRIT, ERRO and WARN). Other loggers (Pekko's, libraries)
 * reach the main log only at WARN and above, in the same format; use this class for anything that
 * belongs in the log.
 *
 * <p>Design choice: Logback is global to the JVM, so this class is too (static, like the logger it
 * wraps). {@link #configure} can be called again (daemon restart): it opens the new file first, then
 * swaps the appenders, so a bad path leaves the old configuration working. Only our own appenders on
 * the root logger are replaced; others (a test's capturing appender) are left alone.
 */
public final class MainLog {
  /** The name of supervisord's logger. */
  public static final String LOGGER_NAME = "supervisord";
  /** The main-log logger; prefer the level helpers below, which also know CRIT and BLAT. */
  public static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
  /** Marks an ERROR record as CRIT. */
  public static final Marker CRIT = SupervisorLevels.CRIT;
  /** Marks a TRACE record as BLAT. */
  public static final Marker BLAT = SupervisorLevels.BLAT;

  private static final String FILE_APPENDER = "supervisord-file";
  private static final String SYSLOG_APPENDER = "supervisord-syslog";
  private static final String STDOUT_APPENDER = "supervisord-stdout";
  private static final String PEKKO = "org.apache.pekko";

  private static volatile int threshold = LogLevel.INFO.value();
  private static volatile LogLevel level = LogLevel.INFO;
  private static RotatingFileAppender fileAppender; // guarded by MainLog.class
  private static boolean toSyslog; // guarded by MainLog.class

  private MainLog() {}

  /**
   * (Re)configures the main log. Called at start and at each restart.
   *
   * @param logfile    the file, or null for none
   * @param maxBytes   {@code logfile_maxbytes}; 0 never rotates
   * @param backups    {@code logfile_backups}; 0 truncates on rotation
   * @param loglevel   {@code loglevel}
   * @param alsoStdout nodaemon and not silent: copy every record to stdout
   * @param toSyslog   {@code logfile=syslog} (then {@code logfile} is null): records go to syslog
   * @throws IOException if the file cannot be opened; the previous configuration then stays
   */
  public static void configure(Path logfile, long maxBytes, int backups, LogLevel loglevel,
      boolean alsoStdout, boolean toSyslog) throws IOException {
    configure(logfile, maxBytes, backups, loglevel, alsoStdout ? System.out : null,
        toSyslog ? Syslog.libc() : null);
  }

  /** As {@link #configure(Path, long, int, LogLevel, boolean, boolean)} without syslog. */
  public static void configure(Path logfile, long maxBytes, int backups, LogLevel loglevel,
      boolean alsoStdout) throws IOException {
    configure(logfile, maxBytes, backups, loglevel, alsoStdout, false);
  }

  /** As {@link #configure(Path, long, int, LogLevel, boolean)}, copying to {@code copy} if not null. */
  static void configure(Path logfile, long maxBytes, int backups, LogLevel loglevel,
      OutputStream copy) throws IOException {
    configure(logfile, maxBytes, backups, loglevel, copy, null);
  }

  /** The general form: copies to {@code copy} and sends to {@code syslog}, each if not null. */
  static synchronized void configure(Path logfile, long maxBytes, int backups, LogLevel loglevel,
      OutputStream copy, Syslog syslog) throws IOException {
    LoggerContext context = context();
    RotatingLogFile file = logfile == null ? null : RotatingLogFile.open(logfile, maxBytes, backups);
    SupervisorLayout layout = new SupervisorLayout();
    layout.setContext(context);
    layout.start();

    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    detach(root);
    fileAppender = null;
    if (file != null) {
      fileAppender = start(new RotatingFileAppender(file, layout), FILE_APPENDER, context, loglevel);
      root.addAppender(fileAppender);
    }
    toSyslog = syslog != null;
    if (syslog != null) {
      root.addAppender(start(new SyslogAppender(syslog, layout), SYSLOG_APPENDER, context, loglevel));
    }
    if (copy != null) {
      root.addAppender(start(new StreamCopyAppender(copy, layout), STDOUT_APPENDER, context, loglevel));
    }
    context.getLogger(LOGGER_NAME).setLevel(SupervisorLevels.logbackLevel(loglevel));
    context.getLogger(PEKKO).setLevel(Level.WARN); // Pekko checks this before building a record
    level = loglevel;
    threshold = loglevel.value();
  }

  /** Closes the file and removes our appenders and levels (daemon exit, tests). */
  public static synchronized void shutdown() {
    LoggerContext context = context();
    detach(context.getLogger(Logger.ROOT_LOGGER_NAME));
    fileAppender = null;
    toSyslog = false;
    context.getLogger(LOGGER_NAME).setLevel(null);
    context.getLogger(PEKKO).setLevel(null);
    level = LogLevel.INFO;
    threshold = LogLevel.INFO.value();
  }

  /** SIGUSR2: closes and reopens the main log file (append), so an external logrotate works. */
  public static synchronized void reopen() throws IOException {
    if (fileAppender != null) {
      fileAppender.file().reopen();
    }
  }

  /** The main log file, or null when there is none. RPC readLog reads it directly. */
  public static synchronized Path currentFile() {
    return fileAppender == null ? null : fileAppender.file().path();
  }

  /** True with {@code logfile=syslog}: there is no file, and readLog answers {@code NO_FILE: syslog}. */
  public static synchronized boolean toSyslog() {
    return toSyslog;
  }

  /** The configured loglevel. */
  public static LogLevel level() {
    return level;
  }

  /** True when records of {@code candidate} reach the main log. */
  public static boolean isEnabled(LogLevel candidate) {
    return candidate.value() >= threshold;
  }

  /** Logs {@code message} at a supervisord level. */
  public static void log(LogLevel at, String message) {
    if (at.value() < threshold) {
      return;
    }
    switch (at) {
      case CRITICAL: LOG.error(CRIT, message); break;
      case ERROR: LOG.error(message); break;
      case WARN: LOG.warn(message); break;
      case INFO: LOG.info(message); break;
      case DEBUG: LOG.debug(message); break;
      case TRACE: LOG.trace(message); break;
      default: LOG.trace(BLAT, message); break;
    }
  }

  public static void crit(String message) {
    log(LogLevel.CRITICAL, message);
  }

  public static void error(String message) {
    log(LogLevel.ERROR, message);
  }

  public static void warn(String message) {
    log(LogLevel.WARN, message);
  }

  public static void info(String message) {
    log(LogLevel.INFO, message);
  }

  public static void debug(String message) {
    log(LogLevel.DEBUG, message);
  }

  public static void trace(String message) {
    log(LogLevel.TRACE, message);
  }

  public static void blather(String message) {
    log(LogLevel.BLATHER, message);
  }

  private static <A extends Appender<ILoggingEvent>> A start(A appender, String name,
      LoggerContext context, LogLevel loglevel) {
    appender.setName(name);
    appender.setContext(context);
    MainLogFilter filter = new MainLogFilter(loglevel);
    filter.setContext(context);
    filter.start();
    appender.addFilter(filter);
    appender.start();
    return appender;
  }

  private static void detach(ch.qos.logback.classic.Logger root) {
    for (String name : new String[] {FILE_APPENDER, SYSLOG_APPENDER, STDOUT_APPENDER}) {
      Appender<ILoggingEvent> old = root.getAppender(name);
      if (old != null) {
        root.detachAppender(old);
        old.stop();
      }
    }
  }

  private static LoggerContext context() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext)) {
      throw new IllegalStateException("SLF4J is not bound to Logback: " + factory.getClass());
    }
    return (LoggerContext) factory;
  }
}
