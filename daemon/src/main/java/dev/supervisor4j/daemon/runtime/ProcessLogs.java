package dev.supervisor4j.daemon.runtime;

import dev.supervisor4j.daemon.config.ChannelConfig;
import dev.supervisor4j.daemon.config.DaemonSettings;
import dev.supervisor4j.daemon.config.LogTarget;
import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.daemon.events.EventHub;
import dev.supervisor4j.daemon.events.HubMsg;
import dev.supervisor4j.daemon.events.ProcessCommEvent;
import dev.supervisor4j.daemon.events.ProcessLogEvent;
import dev.supervisor4j.daemon.log.MainLog;
import dev.supervisor4j.daemon.output.ChildLogNames;
import dev.supervisor4j.daemon.output.OutputChain;
import dev.supervisor4j.daemon.output.OutputPump;
import dev.supervisor4j.daemon.output.PipeLoop;
import dev.supervisor4j.daemon.output.OutputSink;
import dev.supervisor4j.daemon.output.RotatingLogFile;
import dev.supervisor4j.daemon.output.Syslog;
import dev.supervisor4j.daemon.process.ChildOutput;
import dev.supervisor4j.daemon.spawn.PipeReadEnd;
import dev.supervisor4j.daemon.spawn.RunningChild;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The log files of one process: AUTO names are made when the process is created (as supervisord
 * makes them when it loads the config); each spawn hands the child's pipes to the daemon's
 * {@link PipeLoop}, which writes what it reads straight into the rotating file (and to syslog with
 * {@code *_syslog=true}). The same chain raises the output events: PROCESS_LOG_* with
 * {@code *_events_enabled}, PROCESS_COMMUNICATION_* in capture mode, and, for an event listener,
 * hands its stdout (the protocol channel, never captured) to its pool.
 */
final class ProcessLogs implements ChildOutput {
  private final ProgramConfig program;
  private final String group;
  private final boolean listener;
  private final ActorRef<HubMsg> events;
  private final boolean stripAnsi;
  private final Channel stdout;
  private final Channel stderr;

  /** One of stdout/stderr: its file, or none. */
  private static final class Channel {
    final String name;
    final ChannelConfig config;
    final Path path;
    RotatingLogFile file;

    Channel(String name, ChannelConfig config, Path path) {
      this.name = name;
      this.config = config;
      this.path = path;
    }

    synchronized RotatingLogFile openFile() throws IOException {
      if (path == null) {
        return null;
      }
      if (file == null) {
        file = RotatingLogFile.open(path, config.maxBytes(), config.backups());
      } else {
        file.reopen();
      }
      return file;
    }
  }

  /**
   * @param listener the process is an event listener (its stdout speaks the protocol)
   * @param events   the event hub
   */
  ProcessLogs(ProgramConfig program, DaemonSettings daemon, String group, boolean listener, ActorRef<HubMsg> events) {
    this.program = program;
    this.group = group;
    this.listener = listener;
    this.events = events;
    this.stripAnsi = daemon.stripAnsi();
    this.stdout = new Channel("stdout", program.stdout(), resolve(program.stdout(), "stdout", daemon));
    this.stderr = program.redirectStderr()
        ? new Channel("stderr", program.stderr(), null)
        : new Channel("stderr", program.stderr(), resolve(program.stderr(), "stderr", daemon));
  }

  private Path resolve(ChannelConfig channel, String name, DaemonSettings daemon) {
    LogTarget target = channel.logfile();
    if (target instanceof LogTarget.File) {
      return ((LogTarget.File) target).path().toAbsolutePath();
    }
    if (target instanceof LogTarget.Auto) {
      try {
        return ChildLogNames.createAuto(daemon.childlogdir(), program.name(), name, daemon.identifier());
      } catch (IOException e) {
        MainLog.crit("could not create the AUTO " + name + " log of '" + program.name() + "': " + e.getMessage());
        return null;
      }
    }
    return null;
  }

  @Override
  public void attach(RunningChild child) {
    pump(stdout, child.stdout(), child.pid());
    if (child.stderr() != null) {
      pump(stderr, child.stderr(), child.pid());
    }
  }

  private void pump(Channel channel, InputStream in, long pid) {
    RotatingLogFile file;
    try {
      file = channel.openFile();
    } catch (IOException e) {
      MainLog.error("could not open " + channel.path + " for '" + program.name() + "': " + e.getMessage());
      file = null;
    }
    OutputChain chain = OutputChain.forChannel(program.name(), channel.name)
        .stripAnsi(stripAnsi)
        .mainLog(MainLog.LOG);
    if (file != null) {
      chain.logFile(file);
    }
    String name = program.name();
    Consumer<HubMsg> toHub = EventHub.paced(events);
    OutputSink sink;
    if (listener && channel == stdout) {
      sink = OutputSink.tee(List.of(chain.build(),
          OutputSink.chunks(chunk -> toHub.accept(new EventHub.ListenerOutput(group, name, pid, chunk)))));
    } else {
      if (channel.config.syslog()) { // a listener's stdout speaks the protocol: never to syslog
        chain.syslog(Syslog.libc());
      }
      if (channel.config.eventsEnabled()) {
        chain.logEvents(chunk -> toHub.accept(new ProcessLogEvent(name, group, pid, channel.name, chunk)));
      }
      if (channel.config.captureMaxBytes() > 0) {
        chain.capture(channel.config.captureMaxBytes(),
            data -> toHub.accept(new ProcessCommEvent(name, group, pid, channel.name, data)));
      }
      sink = chain.build();
    }
    // A pipe with no file is still drained, so the child never blocks on it.
    Consumer<IOException> onSinkError =
        e -> MainLog.error("writing the " + channel.name + " log of '" + program.name() + "' failed: " + e.getMessage());
    if (in instanceof PipeReadEnd pipe) {
      PipeLoop.shared(MainLog::crit).drain(pipe.takeDescriptor(), sink, onSinkError);
    } else {
      OutputPump.start(program.name(), channel.name, in, sink, onSinkError);
    }
  }

  @Override
  public void reopen(boolean clear) throws IOException {
    for (Channel c : new Channel[] {stdout, stderr}) {
      synchronized (c) {
        if (c.file == null) {
          if (clear && c.path != null) {
            c.openFile().clear();
          }
          continue;
        }
        if (clear) {
          c.file.clear();
        } else {
          c.file.reopen();
        }
      }
    }
  }

  @Override
  public String stdoutPath() {
    return stdout.path == null ? "" : stdout.path.toString();
  }

  @Override
  public String stderrPath() {
    return stderr.path == null ? "" : stderr.path.toString();
  }

  @Override
  public void close() {
    for (Channel c : new Channel[] {stdout, stderr}) {
      synchronized (c) {
        if (c.file != null) {
          try {
            c.file.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
  }
}
