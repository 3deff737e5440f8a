package dev.supervisor4j.ctl.command;

import dev.supervisor4j.ctl.compat.PyException;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.python.PyInt;
import dev.supervisor4j.protocol.python.PyRepr;
import dev.supervisor4j.protocol.xmlrpc.XmlRpcClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * {@code tail} and {@code maintail}: the last N bytes (default 1600) through {@code read*Log(-N, 0)},
 * printed with a newline after them, or {@code -f}: the {@code /logtail} stream until Ctrl-C.
 * Argument errors come after the upcheck, as in Supervisor. {@code -N} is read with Python's
 * {@code int()}, so {@code --5} means "from offset 5".
 */
final class LogCommands {
  private LogCommands() {}

  private static final long DEFAULT_BYTES = 1600;

  static void tail(Controller ctl, List<String> words) {
    if (!ctl.upcheck()) {
      return;
    }
    List<String> args = new ArrayList<>(words);
    if (args.isEmpty()) {
      argError(ctl, "Error: too few arguments", "tail");
      return;
    }
    if (args.size() > 3) {
      argError(ctl, "Error: too many arguments", "tail");
      return;
    }
    String modifier = args.get(0).startsWith("-") ? args.remove(0) : null;
    String name;
    String channel;
    if (args.size() == 1) {
      name = args.get(0);
      channel = "stdout";
    } else if (!args.isEmpty()) {
      name = args.get(0);
      channel = args.get(args.size() - 1).toLowerCase(Locale.ROOT);
      if (!channel.equals("stderr") && !channel.equals("stdout")) {
        ctl.output("Error: bad channel " + PyRepr.of(channel));
        ctl.setExitStatus(ExitStatus.GENERIC);
        return;
      }
    } else {
      ctl.output("Error: tail requires process name");
      ctl.setExitStatus(ExitStatus.GENERIC);
      return;
    }
    long bytes = DEFAULT_BYTES;
    if (modifier != null) {
      String what = modifier.substring(1);
      if (what.equals("f")) {
        XmlRpcClient supervisor = ctl.supervisor();
        follow(ctl, supervisor.followProcessLog(name, channel), "/logtail/" + name + "/" + channel);
        return;
      }
      Long n = PyInt.tryParseLong(what);
      if (n == null) {
        ctl.output("Error: bad argument " + modifier);
        ctl.setExitStatus(ExitStatus.GENERIC);
        return;
      }
      bytes = n;
    }
    XmlRpcClient supervisor = ctl.supervisor();
    try {
      String text = Rpc.await(channel.equals("stdout") ? supervisor.readProcessStdoutLog(name, -bytes, 0)
          : supervisor.readProcessStderrLog(name, -bytes, 0));
      ctl.output(text);
    } catch (RuntimeException e) {
      int code = Rpc.faultCode(e);
      if (code < 0) {
        throw e;
      }
      ctl.setExitStatus(ExitStatus.GENERIC);
      if (code == Fault.NO_FILE.code()) {
        ctl.output(name + ": ERROR (no log file)");
      } else if (code == Fault.FAILED.code()) {
        ctl.output(name + ": ERROR (unknown error reading log)");
      } else if (code == Fault.BAD_NAME.code()) {
        ctl.output(name + ": ERROR (no such process name)");
      } else {
        throw e;
      }
    }
  }

  static void maintail(Controller ctl, List<String> args) {
    if (!ctl.upcheck()) {
      return;
    }
    long bytes = DEFAULT_BYTES;
    if (args.size() > 1) {
      argError(ctl, "Error: too many arguments", "maintail");
      return;
    }
    if (args.size() == 1) {
      String a = args.get(0);
      if (!a.startsWith("-")) {
        ctl.output("Error: bad argument " + a);
        ctl.setExitStatus(ExitStatus.GENERIC);
        return;
      }
      String what = a.substring(1);
      if (what.equals("f")) {
        follow(ctl, ctl.supervisor().followMainLog(), "/mainlogtail");
        return;
      }
      Long n = PyInt.tryParseLong(what);
      if (n == null) {
        ctl.output("Error: bad argument " + a);
        ctl.setExitStatus(ExitStatus.GENERIC);
        return;
      }
      bytes = n;
    }
    try {
      ctl.output(Rpc.await(ctl.supervisor().readLog(-bytes, 0)));
    } catch (RuntimeException e) {
      int code = Rpc.faultCode(e);
      if (code < 0) {
        throw e;
      }
      ctl.setExitStatus(ExitStatus.GENERIC);
      if (code == Fault.NO_FILE.code()) {
        ctl.output("supervisord: ERROR (no log file)");
      } else if (code == Fault.FAILED.code()) {
        ctl.output("supervisord: ERROR (unknown error reading log)");
      } else {
        throw e;
      }
    }
  }

  private static void argError(Controller ctl, String message, String topic) {
    ctl.output(message);
    ctl.setExitStatus(ExitStatus.GENERIC);
    HelpCommand.topic(ctl, topic);
  }

  /**
   * Streams a log to stdout until the server ends it or Ctrl-C, then (on Ctrl-C) prints an empty
   * line. Stream errors go to stderr prefixed by the URL and leave the exit status alone, as in
   * Supervisor's asyncore client.
   */
  static void follow(Controller ctl, CompletionStage<Flow.Publisher<byte[]>> opening, String path) {
    String url = ctl.options().serverurl() + path;
    LogSink sink = new LogSink(ctl.io());
    boolean interrupted;
    // Ctrl-C is caught from before the banner on: a user who presses it as soon as the banner
    // shows gets the goodbye line and exit 0, never the JVM's default exit.
    try (AutoCloseable ignored = ctl.io().onInterrupt(sink)) {
      ctl.output("==> Press Ctrl-C to exit <==");
      ctl.io().flush();
      Flow.Publisher<byte[]> publisher;
      try {
        publisher = Rpc.await(opening);
      } catch (RuntimeException e) {
        if (!sink.wasInterrupted()) {
          reportStreamError(ctl, url, e);
          return;
        }
        publisher = null; // Ctrl-C while it opened: the stream is over anyway
      }
      if (publisher != null) {
        publisher.subscribe(sink);
      }
      interrupted = sink.awaitEnd();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      interrupted = true;
    } catch (Exception e) {
      // Restoring the previous Ctrl-C handler failed; the stream has ended either way.
      interrupted = sink.wasInterrupted();
    }
    if (interrupted) {
      ctl.output("");
    } else if (sink.error() != null) {
      reportStreamError(ctl, url, sink.error());
    }
  }

  static void reportStreamError(Controller ctl, String url, Throwable e) {
    if (e instanceof dev.supervisor4j.ctl.rpc.HttpStatusError) {
      ctl.io().errLine(url + " " + e.getMessage());
      return;
    }
    PyException p = e instanceof PyException ? (PyException) e
        : dev.supervisor4j.ctl.http.Endpoint.translate(e instanceof Exception ? (Exception) e : new Exception(e));
    ctl.io().errLine(url + " Cannot connect, error: <class '" + p.pyClass() + "'> (" + p.getMessage() + ")");
  }
}
