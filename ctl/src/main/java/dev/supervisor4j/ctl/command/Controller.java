package dev.supervisor4j.ctl.command;

import dev.supervisor4j.ctl.compat.PyException;
import dev.supervisor4j.ctl.options.CtlOptions;
import dev.supervisor4j.ctl.rpc.ProtocolError;
import dev.supervisor4j.ctl.rpc.RpcTransport;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.Versions;
import dev.supervisor4j.protocol.xmlrpc.XmlRpcClient;
import java.util.List;

/**
 * Runs supervisorctl lines against a server: Supervisor's {@code Controller}. It owns the exit
 * status (never reset during a run: the last value set wins), the upcheck, the 401 handling, and
 * the catch-all that turns any unexpected failure into one {@code error: ...} line with exit
 * status 1 instead of a stack trace.
 */
public final class Controller {
  private final CtlOptions options;
  private CtlIO io;
  private int exitStatus = ExitStatus.SUCCESS;
  private List<ProcessInfo> completionInfo;

  public Controller(CtlOptions options, CtlIO io) {
    this.options = options;
    this.io = io;
  }

  public CtlOptions options() {
    return options;
  }

  public CtlIO io() {
    return io;
  }

  /** Switches to another input/output, e.g. the shell's line reader once it exists. */
  public void useIO(CtlIO io) {
    this.io = io;
  }

  public int exitStatus() {
    return exitStatus;
  }

  public void setExitStatus(int status) {
    exitStatus = status;
  }

  /** Supervisor's {@code output()}: a line on stdout. */
  public void output(String text) {
    io.line(text);
  }

  /**
   * A fresh client for the current server URL and credentials, as Supervisor builds a new proxy
   * for each use; fails with {@code Unknown protocol for serverurl} like it does.
   */
  public XmlRpcClient supervisor() {
    return new XmlRpcClient(RpcTransport.forServerUrl(options.serverurl(), options.username(), options.password()));
  }

  /**
   * Checks that the server answers and speaks API 3.0 (the deprecated {@code getVersion}, as
   * Supervisor calls it). Prints why not and sets the exit status when it does not.
   */
  public boolean upcheck() {
    try {
      String api = Rpc.await(supervisor().getVersion());
      if (!Versions.API.equals(api)) {
        output("Sorry, this version of supervisorctl expects to talk to a server with API version "
            + Versions.API + ", but the remote version is " + api + ".");
        exitStatus = ExitStatus.NOT_INSTALLED;
        return false;
      }
      return true;
    } catch (RuntimeException e) {
      if (Rpc.is(e, Fault.UNKNOWN_METHOD)) {
        output("Sorry, supervisord responded but did not recognize the supervisor namespace commands "
            + "that supervisorctl uses to control it.  Please check that the [rpcinterface:supervisor] "
            + "section is enabled in the configuration file (see sample.conf).");
        exitStatus = ExitStatus.UNIMPLEMENTED_FEATURE;
        return false;
      }
      if (e instanceof PyException) {
        int errno = ((PyException) e).errno();
        if (errno == PyException.ECONNREFUSED) {
          output(options.serverurl() + " refused connection");
          exitStatus = ExitStatus.INSUFFICIENT_PRIVILEGES;
          return false;
        }
        if (errno == PyException.ENOENT) {
          output(options.serverurl() + " no such file");
          exitStatus = ExitStatus.NOT_RUNNING;
          return false;
        }
      }
      if (Rpc.faultCode(e) >= 0 || e instanceof PyException) {
        exitStatus = ExitStatus.GENERIC;
      }
      throw e;
    }
  }

  /** Supervisor's rule for a per-process fault: ignored and SUCCESS leave the status alone; dead-program faults give 7. */
  void setExitStatusFromFault(int code, Fault ignored) {
    if ((ignored != null && code == ignored.code()) || code == Fault.SUCCESS.code()) {
      return;
    }
    if (code == Fault.SPAWN_ERROR.code() || code == Fault.ABNORMAL_TERMINATION.code()
        || code == Fault.NOT_RUNNING.code()) {
      exitStatus = ExitStatus.NOT_RUNNING;
    } else {
      exitStatus = ExitStatus.GENERIC;
    }
  }

  /**
   * Runs one line.
   *
   * @return true when the shell should stop
   */
  public boolean onecmd(String line) {
    CtlCommand command = CommandParser.parse(line);
    if (command instanceof CtlCommand.Empty) {
      return false;
    }
    completionInfo = null;
    try {
      try {
        return command.run(this);
      } catch (ProtocolError e) {
        if (e.status() != 401) {
          exitStatus = ExitStatus.GENERIC;
          throw e;
        }
        output("Server requires authentication");
        if (options.interactive()) {
          String username = io.readLine("Username:");
          if (username == null) {
            throw new PyException("EOFError", "EOF when reading a line");
          }
          String password = io.readPassword("Password:");
          output("");
          options.setCredentials(username, password);
          return onecmd(line);
        }
        exitStatus = ExitStatus.GENERIC;
      }
      // Supervisor runs a one-shot command once more after a 401; it fails again and the
      // catch-all below reports it. Kept: scripts see the same two lines.
      command.run(this);
    } catch (CtlIO.Interrupted e) {
      throw new InterruptedCommand();
    } catch (InterruptedCommand e) {
      throw e;
    } catch (RuntimeException e) {
      output(GenericError.format(e));
      exitStatus = ExitStatus.GENERIC;
    }
    return false;
  }

  /** Ctrl-C at a prompt inside a command (a 401 login): ends the shell, as KeyboardInterrupt does. */
  public static final class InterruptedCommand extends RuntimeException {
    InterruptedCommand() {
      super("interrupted", null, false, false);
    }
  }

  /** Process infos for tab completion, fetched once per command line (readline asks many times). */
  public List<ProcessInfo> completionInfo() {
    if (completionInfo == null) {
      completionInfo = Rpc.await(supervisor().getAllProcessInfo());
    }
    return completionInfo;
  }
}
