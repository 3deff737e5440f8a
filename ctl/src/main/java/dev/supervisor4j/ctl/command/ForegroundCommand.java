package dev.supervisor4j.ctl.command;

import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.python.PyRepr;
import dev.supervisor4j.protocol.xmlrpc.XmlRpcClient;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code fg <name>}: shows the process's stdout and stderr streams while each input line is sent
 * to its stdin ({@code sendProcessStdin(name, line + "\n")}), checking after each line that it
 * still runs. Ctrl-C or end of input leaves with {@code Exiting foreground}.
 */
final class ForegroundCommand {
  private ForegroundCommand() {}

  static void fg(Controller ctl, List<String> names) {
    if (!ctl.upcheck()) {
      return;
    }
    if (names.isEmpty()) {
      ctl.output("ERROR: no process name supplied");
      ctl.setExitStatus(ExitStatus.GENERIC);
      HelpCommand.topic(ctl, "fg");
      return;
    }
    if (names.size() > 1) {
      ctl.output("ERROR: too many process names supplied");
      ctl.setExitStatus(ExitStatus.GENERIC);
      return;
    }
    String name = names.get(0);
    XmlRpcClient supervisor = ctl.supervisor();
    ProcessInfo info;
    try {
      info = Rpc.await(supervisor.getProcessInfo(name));
    } catch (RuntimeException e) {
      int code = Rpc.faultCode(e);
      if (code < 0) {
        throw e;
      }
      if (code == Fault.BAD_NAME.code()) {
        ctl.output("ERROR: bad process name supplied");
        ctl.setExitStatus(ExitStatus.GENERIC);
      } else {
        ctl.output("ERROR: " + faultText(e));
      }
      return;
    }
    if (info.state() != ProcessState.RUNNING) {
      ctl.output("ERROR: process not running");
      ctl.setExitStatus(ExitStatus.GENERIC);
      return;
    }
    // Ctrl-C is caught from before the banner on (KeyboardInterrupt anywhere in Supervisor's try):
    // it marks the command interrupted and wakes this thread wherever it waits.
    AtomicBoolean ctrlC = new AtomicBoolean();
    Thread waiting = Thread.currentThread();
    Streams streams = null;
    try (AutoCloseable ignored = ctl.io().onInterrupt(new WakeOnCtrlC(ctrlC, waiting))) {
      ctl.output("==> Press Ctrl-C to exit <==");
      ctl.io().flush();
      streams = new Streams(ctl, supervisor, name);
      if (!sendInput(ctl, supervisor, name)) {
        return;
      }
    } catch (CtlIO.Interrupted e) {
      // Ctrl-C while reading input: the same goodbye as end of input.
    } catch (RuntimeException e) {
      if (!ctrlC.get()) {
        throw e;
      }
      // Ctrl-C while a call was under way.
    } catch (Exception e) {
      // Restoring the previous Ctrl-C handler failed; the command is over either way.
    } finally {
      if (streams != null) {
        streams.close();
      }
      if (ctrlC.get()) {
        Thread.interrupted(); // the wake-up is spent
      }
    }
    ctl.output("Exiting foreground");
  }

  /**
   * Sends each input line until end of input; false when the process went away (its goodbye
   * already printed).
   */
  private static boolean sendInput(Controller ctl, XmlRpcClient supervisor, String name)
      throws CtlIO.Interrupted {
    while (true) {
      String line = ctl.io().readLine("");
      if (line == null) {
        return true; // EOFError in Supervisor: handled like Ctrl-C
      }
      try {
        Rpc.await(supervisor.sendProcessStdin(name, line + "\n"));
      } catch (RuntimeException e) {
        int code = Rpc.faultCode(e);
        if (code < 0) {
          throw e;
        }
        ctl.output(code == Fault.NOT_RUNNING.code() ? "Process got killed" : "ERROR: " + faultText(e));
        ctl.output("Exiting foreground");
        return false;
      }
      ProcessInfo now = Rpc.await(supervisor.getProcessInfo(name));
      if (now.state() != ProcessState.RUNNING) {
        ctl.output("Process got killed");
        ctl.output("Exiting foreground");
        return false;
      }
    }
  }

  /** Ctrl-C during {@code fg}: remember it and wake the waiting thread. */
  private static final class WakeOnCtrlC implements Runnable {
    private final AtomicBoolean ctrlC;
    private final Thread waiting;

    WakeOnCtrlC(AtomicBoolean ctrlC, Thread waiting) {
      this.ctrlC = ctrlC;
      this.waiting = waiting;
    }

    @Override
    public void run() {
      ctrlC.set(true);
      waiting.interrupt();
    }
  }

  /** Python's {@code str(Fault)}. */
  private static String faultText(RuntimeException e) {
    return "<Fault " + Rpc.faultCode(e) + ": " + PyRepr.of(Rpc.faultString(e)) + ">";
  }

  /** The two log streams of the process, each on its own thread, written to stdout as they come. */
  private static final class Streams {
    private final LogSink out;
    private final LogSink err;

    Streams(Controller ctl, XmlRpcClient supervisor, String name) {
      out = open(ctl, supervisor, name, "stdout");
      err = open(ctl, supervisor, name, "stderr");
    }

    private static LogSink open(Controller ctl, XmlRpcClient supervisor, String name, String channel) {
      try {
        Flow.Publisher<byte[]> p = Rpc.await(supervisor.followProcessLog(name, channel));
        LogSink sink = new LogSink(ctl.io());
        p.subscribe(sink);
        return sink;
      } catch (RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw e; // Ctrl-C while it opened
        }
        LogCommands.reportStreamError(ctl, ctl.options().serverurl() + "/logtail/" + name + "/" + channel, e);
        return null;
      }
    }

    void close() {
      if (out != null) {
        out.interrupt();
      }
      if (err != null) {
        err.interrupt();
      }
    }
  }
}
