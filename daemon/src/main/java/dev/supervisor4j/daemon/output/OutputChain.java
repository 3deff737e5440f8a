package dev.supervisor4j.daemon.output;

import dev.supervisor4j.protocol.python.PyRepr;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * Builds the sink for one channel of one process in Supervisor's order: the capture scanner first
 * (on the raw bytes), then per side {@code strip_ansi}, then the log file (or the capture buffer),
 * syslog ({@code *_syslog}), the DEBG copy in the main log, and the {@code PROCESS_LOG_*} tap. Everything left out costs
 * nothing: with only a log file the chain is the {@link RotatingLogFile} itself, and with the
 * main-log copy added a chunk costs one file write plus one level check below debug. Only
 * strip_ansi and capture look at every byte, and only when configured.
 *
 * <pre>{@code
 * OutputSink sink = OutputChain.forChannel("web", "stdout")
 *     .logFile(file)                     // RotatingLogFile, or leave out for NONE
 *     .syslog(Syslog.libc())             // only when stdout_syslog=true
 *     .stripAnsi(settings.stripAnsi())
 *     .mainLog(MainLog.LOG)              // DEBG copies + "emitted a comm event"
 *     .logEvents(chunk -> ...)           // only when stdout_events_enabled
 *     .capture(cfg.captureMaxBytes(), data -> ...)  // only when capture_maxbytes > 0
 *     .build();
 * OutputPump.start("web", "stdout", child.stdout(), sink, e -> MainLog.error(...));
 * }</pre>
 *
 * <p>Two sides of a capture have their own ANSI strippers, so an escape sequence cut by a token is
 * not carried across it (Supervisor strips each piece on its own).
 */
public final class OutputChain {
  private final String processName;
  private final String channel;
  private OutputSink logFile;
  private Syslog syslog;
  private boolean stripAnsi;
  private Logger mainLog;
  private Consumer<byte[]> logEvents;
  private long captureMaxBytes;
  private Consumer<byte[]> communications;

  private OutputChain(String processName, String channel) {
    this.processName = Objects.requireNonNull(processName);
    this.channel = Objects.requireNonNull(channel);
  }

  /** Starts a chain for {@code channel} ({@code stdout} or {@code stderr}) of {@code processName}. */
  public static OutputChain forChannel(String processName, String channel) {
    return new OutputChain(processName, channel);
  }

  /** Where normal output is written; null (the default) for {@code NONE}. */
  public OutputChain logFile(OutputSink file) {
    this.logFile = file;
    return this;
  }

  /**
   * {@code *_syslog=true}: normal output (not what capture mode keeps) also goes to {@code syslog},
   * one message per line prefixed with the process name; null (the default) for none.
   */
  public OutputChain syslog(Syslog syslog) {
    this.syslog = syslog;
    return this;
  }

  /** {@code strip_ansi}. */
  public OutputChain stripAnsi(boolean strip) {
    this.stripAnsi = strip;
    return this;
  }

  /** The main-log logger: DEBG copies of the output and the "emitted a comm event" line. */
  public OutputChain mainLog(Logger logger) {
    this.mainLog = logger;
    return this;
  }

  /** {@code *_events_enabled}: gets every chunk (after stripping), in capture mode too. */
  public OutputChain logEvents(Consumer<byte[]> onChunk) {
    this.logEvents = onChunk;
    return this;
  }

  /**
   * {@code *_capture_maxbytes}: when above 0, output between the tokens is kept in a buffer of that
   * size and handed to {@code onCommunication} at each END token instead of reaching the log file.
   */
  public OutputChain capture(long maxBytes, Consumer<byte[]> onCommunication) {
    this.captureMaxBytes = maxBytes;
    this.communications = onCommunication;
    return this;
  }

  public OutputSink build() {
    OutputSink normal = side(logFile, syslog);
    if (captureMaxBytes <= 0) {
      return normal;
    }
    CaptureBuffer buffer = new CaptureBuffer(captureMaxBytes);
    Consumer<byte[]> onComm = communications;
    Logger log = mainLog;
    String comm = PyRepr.of(processName) + " " + channel + " emitted a comm event";
    return new CaptureScanner(normal, side(buffer, null), () -> {
      byte[] data = buffer.drain();
      if (onComm != null) {
        onComm.accept(data);
      }
      if (log != null) {
        log.debug(comm);
      }
    });
  }

  /** Supervisor's capture log is a buffer only: captured output reaches neither file nor syslog. */
  private OutputSink side(OutputSink target, Syslog toSyslog) {
    List<OutputSink> sinks = new ArrayList<>(4);
    if (target != null) {
      sinks.add(target);
    }
    if (toSyslog != null) {
      sinks.add(new SyslogSink(toSyslog, processName));
    }
    if (mainLog != null) {
      sinks.add(new MainLogCopy(mainLog, processName, channel));
    }
    if (logEvents != null) {
      sinks.add(OutputSink.chunks(logEvents));
    }
    OutputSink tee = OutputSink.tee(sinks);
    return stripAnsi ? new AnsiStripper(tee) : tee;
  }
}
