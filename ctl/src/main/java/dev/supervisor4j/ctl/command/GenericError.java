package dev.supervisor4j.ctl.command;

import dev.supervisor4j.ctl.compat.PyException;
import dev.supervisor4j.ctl.rpc.ProtocolError;
import dev.supervisor4j.protocol.SupervisorFault;
import dev.supervisor4j.protocol.python.PyRepr;
import dev.supervisor4j.protocol.xmlrpc.RpcFault;

/**
 * supervisorctl's catch-all line for an unexpected exception:
 * {@code error: <class 'X'>, <str(exc)>: file: F line: N}. The class and text are Python's where
 * the failure has a Python counterpart (faults, HTTP errors, socket errors), so scripts that grep
 * for {@code xmlrpc.client.Fault} keep working; {@code file}/{@code line} name our source, since
 * there is no Python file to name. Never a stack trace.
 */
final class GenericError {
  private GenericError() {}

  static String format(Throwable e) {
    String cls;
    String text;
    if (e instanceof SupervisorFault || e instanceof RpcFault) {
      cls = "xmlrpc.client.Fault";
      text = "<Fault " + Rpc.faultCode(e) + ": " + PyRepr.of(Rpc.faultString(e)) + ">";
    } else if (e instanceof ProtocolError) {
      cls = "xmlrpc.client.ProtocolError";
      text = e.getMessage();
    } else if (e instanceof PyException) {
      cls = ((PyException) e).pyClass();
      text = e.getMessage();
    } else {
      cls = e.getClass().getName();
      text = e.getMessage() == null ? "" : e.getMessage();
    }
    String file = "supervisorctl";
    int line = 0;
    StackTraceElement[] trace = e.getStackTrace();
    if (trace.length > 0 && trace[0].getFileName() != null) {
      file = trace[0].getFileName();
      line = Math.max(trace[0].getLineNumber(), 0);
    }
    return "error: <class '" + cls + "'>, " + text + ": file: " + file + " line: " + line;
  }
}
