package dev.supervisor4j.ctl;

import dev.supervisor4j.ctl.command.Controller;
import dev.supervisor4j.ctl.command.CtlIO;
import dev.supervisor4j.ctl.options.ConfigFileException;
import dev.supervisor4j.ctl.options.CtlOptions;
import dev.supervisor4j.ctl.options.OptionsParser;
import dev.supervisor4j.ctl.options.UsageException;
import dev.supervisor4j.ctl.shell.Shell;
import dev.supervisor4j.ctl.shell.StreamIO;
import dev.supervisor4j.ctl.shell.Terminals;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * supervisorctl: runs one action and exits with its LSB status, or (no action, or {@code -i})
 * starts the shell, which exits 0. A drop-in for Supervisor 4.2.5's supervisorctl: same options,
 * config, output lines and exit statuses (see {@code spec/protocol-ctl-web-events.md} §3).
 *
 * <p>Start-up is a feature here: this path loads no JLine (only the shell on a terminal does),
 * no {@code java.net.http}, no lambdas or regular expressions before the first request, and the
 * launcher runs it with C1, the serial collector and a CDS archive.
 */
public final class SupervisorCtl {
  private SupervisorCtl() {}

  public static void main(String[] args) {
    OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 16384);
    OutputStream err = new FileOutputStream(FileDescriptor.err);
    Thread.setDefaultUncaughtExceptionHandler(new OneLine(err));
    String progname = System.getProperty("supervisor4j.argv0", "supervisorctl");
    int status = run(Arrays.asList(args), progname, System.getenv(), System.in, out, err,
        System.console() != null);
    try {
      out.flush();
    } catch (java.io.IOException ignored) {
      // stdout is gone; the exit status still tells.
    }
    System.exit(status);
  }

  /**
   * Runs supervisorctl with the given argv and streams; returns the exit status. Never throws:
   * anything unexpected becomes one {@code error: ...} line and status 1.
   *
   * @param tty whether stdin and stdout are a terminal (the shell then uses JLine)
   */
  public static int run(List<String> argv, String progname, Map<String, String> environment, InputStream in,
      OutputStream out, OutputStream err, boolean tty) {
    StreamIO io = new StreamIO(in, out, err);
    try {
      CtlOptions options;
      try {
        options = OptionsParser.parse(argv, progname, environment);
      } catch (UsageException e) {
        io.errLine("Error: " + e.getMessage());
        io.errLine("For help, use " + progname + " -h");
        return 2;
      } catch (ConfigFileException e) {
        io.errLine("Error: " + e.getMessage());
        return 1;
      }
      if (options.helpRequested()) {
        io.line(Usage.text(progname));
        io.flush();
        return 0;
      }
      if (tty && options.username() != null && options.password() == null) {
        askPassword(options, io);
      }
      Controller ctl = new Controller(options, io);
      if (!options.args().isEmpty()) {
        try {
          ctl.onecmd(String.join(" ", options.args()));
        } catch (Controller.InterruptedCommand e) {
          return 1;
        }
        io.flush();
        return ctl.exitStatus();
      }
      CtlIO shellIO = Terminals.forShell(ctl, io, in, out, err, tty);
      ctl.useIO(shellIO);
      try {
        return Shell.run(ctl, shellIO);
      } finally {
        shellIO.close();
      }
    } catch (RuntimeException | Error e) {
      io.line("error: <class '" + e.getClass().getName() + "'>, " + e.getMessage());
      io.flush();
      return 1;
    }
  }

  /** A failure on a helper thread (a log stream): one line on stderr, never a stack trace. */
  private static final class OneLine implements Thread.UncaughtExceptionHandler {
    private final OutputStream err;

    OneLine(OutputStream err) {
      this.err = err;
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
      try {
        err.write(("error: <class '" + e.getClass().getName() + "'>, " + e.getMessage() + "\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        err.flush();
      } catch (java.io.IOException ignored) {
        // stderr is gone
      }
    }
  }

  /**
   * A username without a password, typed at a terminal: ask for the password now, without echo.
   * Supervisor's supervisorctl only asks after a 401, and only in its shell; scripts (no terminal)
   * still behave exactly as with Supervisor's.
   */
  private static void askPassword(CtlOptions options, StreamIO io) {
    java.io.Console console = System.console();
    String password;
    if (console != null) {
      char[] typed = console.readPassword("Password:");
      password = typed == null ? null : new String(typed);
    } else {
      try {
        password = io.readPassword("Password:");
      } catch (CtlIO.Interrupted e) {
        password = null;
      }
    }
    if (password != null) {
      options.setCredentials(options.username(), password);
    }
  }
}
