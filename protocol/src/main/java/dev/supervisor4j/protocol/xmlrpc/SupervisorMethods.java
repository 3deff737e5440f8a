package dev.supervisor4j.protocol.xmlrpc;

import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.NameSpec;
import dev.supervisor4j.protocol.ProcessResult;
import dev.supervisor4j.protocol.SupervisorFault;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The 37 {@code supervisor.*} entries of the method table, aliases included, each mapping its
 * arguments onto one {@link dev.supervisor4j.protocol.SupervisorApi} call and its result onto
 * Supervisor's wire shape. Signatures are Supervisor 4.2.5's, as {@code system.methodSignature}
 * reports them; the help texts are ours. Business rules (states, SHUTDOWN_STATE, BAD_NAME) are the
 * API implementation's: this layer only converts.
 */
final class SupervisorMethods {
  private SupervisorMethods() {}

  private static final String NS = "supervisor.";

  static List<RpcMethod> all() {
    List<RpcMethod> m = new ArrayList<>();
    // -- status and control of supervisord itself
    add(m, "getAPIVersion", List.of("string"), 0, Results::readString, "Return the XML-RPC API version, 3.0.",
        (d, a) -> string(d.api().getAPIVersion()));
    add(m, "getVersion", List.of("string"), 0, Results::readString,
        "Deprecated alias of getAPIVersion; supervisorctl still calls it to check the API version.",
        (d, a) -> string(d.api().getAPIVersion()));
    add(m, "getSupervisorVersion", List.of("string"), 0, Results::readString,
        "Return the Supervisor version this daemon is compatible with.",
        (d, a) -> string(d.api().getSupervisorVersion()));
    add(m, "getIdentification", List.of("string"), 0, Results::readString,
        "Return the identifier set in [supervisord] (default 'supervisor').",
        (d, a) -> string(d.api().getIdentification()));
    add(m, "getState", List.of("struct"), 0, Results::readState,
        "Return the daemon's state as a struct {statecode, statename}.",
        (d, a) -> d.api().getState().thenApply(Results::state));
    add(m, "getPID", List.of("int"), 0, Results::readLong, "Return the daemon's process id.",
        (d, a) -> d.api().getPID().thenApply(XmlRpcValue::of));
    add(m, "readLog", List.of("string", "int", "int"), 2, Results::readString,
        "Read length bytes of the main log from offset; a negative offset with length 0 reads the tail.",
        (d, a) -> string(d.api().readLog(a.integer(0), a.integer(1))));
    add(m, "readMainLog", List.of("string", "int", "int"), 2, Results::readString, "Alias of readLog.",
        (d, a) -> string(d.api().readLog(a.integer(0), a.integer(1))));
    add(m, "clearLog", List.of("boolean"), 0, Results::readBool, "Truncate the main log and reopen it.",
        (d, a) -> bool(d.api().clearLog()));
    add(m, "shutdown", List.of("boolean"), 0, Results::readBool, "Stop every process, then exit the daemon.",
        (d, a) -> bool(d.api().shutdown()));
    add(m, "restart", List.of("boolean"), 0, Results::readBool,
        "Stop every process, re-read the configuration and start again in the same daemon.",
        (d, a) -> bool(d.api().restart()));
    // -- configuration
    add(m, "reloadConfig", List.of("array"), 0, Results::readConfigChanges,
        "Re-read the configuration without applying it; return [[added, changed, removed]] group names.",
        (d, a) -> d.api().reloadConfig().thenApply(Results::configChanges));
    add(m, "addProcessGroup", List.of("boolean", "string"), 1, Results::readBool,
        "Activate a group from the last configuration read.",
        (d, a) -> bool(d.api().addProcessGroup(a.addedGroupName(0))));
    add(m, "removeProcessGroup", List.of("boolean", "string"), 1, Results::readBool,
        "Remove a stopped group from the running configuration.",
        (d, a) -> bool(d.api().removeProcessGroup(a.groupName(0))));
    // -- starting and stopping
    add(m, "startProcess", List.of("boolean", "string", "boolean"), 1, Results::readBool,
        "Start a process (name or group:name); with group:* start the group and return its results. "
            + "With wait (default true), answer once it is RUNNING.",
        (d, a) -> processOrGroup(a,
            n -> bool(d.api().startProcess(n, a.truthy(1, true))),
            g -> results(d.api().startProcessGroup(g, a.truthy(1, true)))));
    add(m, "startProcessGroup", List.of("array", "string", "boolean"), 1, Results::readProcessResults,
        "Start every process of a group that is not running; return one result struct per process.",
        (d, a) -> results(d.api().startProcessGroup(a.groupName(0), a.truthy(1, true))));
    add(m, "startAllProcesses", List.of("array", "boolean"), 0, Results::readProcessResults,
        "Start every process that is not running, in priority order; return the result structs.",
        (d, a) -> results(d.api().startAllProcesses(a.truthy(0, true))));
    add(m, "stopProcess", List.of("boolean", "string", "boolean"), 1, Results::readBool,
        "Stop a process (name or group:name); with group:* stop the group and return its results. "
            + "With wait (default true), answer once it has stopped.",
        (d, a) -> processOrGroup(a,
            n -> bool(d.api().stopProcess(n, a.truthy(1, true))),
            g -> results(d.api().stopProcessGroup(g, a.truthy(1, true)))));
    add(m, "stopProcessGroup", List.of("array", "string", "boolean"), 1, Results::readProcessResults,
        "Stop every running process of a group; return one result struct per process.",
        (d, a) -> results(d.api().stopProcessGroup(a.groupName(0), a.truthy(1, true))));
    add(m, "stopAllProcesses", List.of("array", "boolean"), 0, Results::readProcessResults,
        "Stop every running process, in reverse priority order; return the result structs.",
        (d, a) -> results(d.api().stopAllProcesses(a.truthy(0, true))));
    add(m, "signalProcess", List.of("boolean", "string", "string"), 2, Results::readBool,
        "Send a signal (name like HUP or SIGHUP, or number) to a process; group:* signals the group.",
        (d, a) -> processOrGroup(a,
            n -> bool(d.api().signalProcess(n, a.signal(1))),
            g -> results(d.api().signalProcessGroup(g, a.signal(1)))));
    add(m, "signalProcessGroup", List.of("array", "string", "string"), 2, Results::readProcessResults,
        "Send a signal to every signallable process of a group; return the result structs.",
        (d, a) -> results(d.api().signalProcessGroup(a.groupName(0), a.signal(1))));
    add(m, "signalAllProcesses", List.of("array", "string"), 1, Results::readProcessResults,
        "Send a signal to every signallable process; return the result structs.",
        (d, a) -> results(d.api().signalAllProcesses(a.signal(0))));
    // -- process information
    add(m, "getProcessInfo", List.of("struct", "string"), 1, Results::readProcessInfo,
        "Return the status struct of one process (name or group:name).",
        (d, a) -> d.api().getProcessInfo(a.string(0)).thenApply(Results::processInfo));
    add(m, "getAllProcessInfo", List.of("array"), 0, Results::readProcessInfos,
        "Return the status structs of every process, sorted by group then name.",
        (d, a) -> d.api().getAllProcessInfo().thenApply(Results::processInfos));
    add(m, "getAllConfigInfo", List.of("array"), 0, Results::readConfigInfos,
        "Return the configuration of every process of the loaded configuration.",
        (d, a) -> d.api().getAllConfigInfo().thenApply(Results::configInfos));
    // -- process logs
    String readHelp = "Read length bytes of a process's %s log from offset (as readLog).";
    add(m, "readProcessStdoutLog", List.of("string", "string", "int", "int"), 3, Results::readString, readHelp.formatted("stdout"),
        (d, a) -> string(d.api().readProcessStdoutLog(a.string(0), a.integer(1), a.integer(2))));
    add(m, "readProcessLog", List.of("string", "string", "int", "int"), 3, Results::readString, "Alias of readProcessStdoutLog.",
        (d, a) -> string(d.api().readProcessStdoutLog(a.string(0), a.integer(1), a.integer(2))));
    add(m, "readProcessStderrLog", List.of("string", "string", "int", "int"), 3, Results::readString, readHelp.formatted("stderr"),
        (d, a) -> string(d.api().readProcessStderrLog(a.string(0), a.integer(1), a.integer(2))));
    String tailHelp = "Return [data, offset, overflow]: the last length bytes of a process's %s log, "
        + "the log's size, and whether more than length bytes lay past offset.";
    add(m, "tailProcessStdoutLog", List.of("array", "string", "int", "int"), 3, Results::readLogTail, tailHelp.formatted("stdout"),
        (d, a) -> d.api().tailProcessStdoutLog(a.string(0), a.integer(1), a.integer(2)).thenApply(Results::logTail));
    add(m, "tailProcessLog", List.of("array", "string", "int", "int"), 3, Results::readLogTail, "Alias of tailProcessStdoutLog.",
        (d, a) -> d.api().tailProcessStdoutLog(a.string(0), a.integer(1), a.integer(2)).thenApply(Results::logTail));
    add(m, "tailProcessStderrLog", List.of("array", "string", "int", "int"), 3, Results::readLogTail, tailHelp.formatted("stderr"),
        (d, a) -> d.api().tailProcessStderrLog(a.string(0), a.integer(1), a.integer(2)).thenApply(Results::logTail));
    add(m, "clearProcessLogs", List.of("boolean", "string"), 1, Results::readBool,
        "Truncate and reopen both logs of one process.",
        (d, a) -> bool(d.api().clearProcessLogs(a.string(0))));
    add(m, "clearProcessLog", List.of("boolean", "string"), 1, Results::readBool, "Alias of clearProcessLogs.",
        (d, a) -> bool(d.api().clearProcessLogs(a.string(0))));
    add(m, "clearAllProcessLogs", List.of("array"), 0, Results::readProcessResults,
        "Truncate and reopen the logs of every process; return the result structs.",
        (d, a) -> results(d.api().clearAllProcessLogs()));
    // -- talking to processes and listeners
    add(m, "sendProcessStdin", List.of("boolean", "string", "string"), 2, Results::readBool,
        "Write a string, UTF-8 encoded, to a running process's stdin.",
        (d, a) -> {
          String chars = a.chars(1); // Supervisor checks chars before the name
          return bool(d.api().sendProcessStdin(a.string(0), chars));
        });
    add(m, "sendRemoteCommEvent", List.of("boolean", "string", "string"), 2, Results::readBool,
        "Emit a REMOTE_COMMUNICATION event with the given type and data to event listeners.",
        (d, a) -> bool(d.api().sendRemoteCommEvent(a.text(0), a.text(1))));
    return m;
  }

  private static void add(List<RpcMethod> table, String name, List<String> signature, int minArgs,
      Function<XmlRpcValue, ?> decoder, String help, RpcMethod.Handler handler) {
    table.add(new RpcMethod(NS + name, signature, help, minArgs, signature.size() - 1, handler, decoder));
  }

  /**
   * {@code startProcess}/{@code stopProcess}/{@code signalProcess}: a group spec ({@code g:*},
   * {@code g:}) goes to the group method and answers its array. An unknown group is still reported
   * with the name as sent ({@code BAD_NAME: nosuch:*}), as Supervisor does.
   */
  private static CompletionStage<XmlRpcValue> processOrGroup(Args a,
      Function<String, CompletionStage<XmlRpcValue>> process,
      Function<String, CompletionStage<XmlRpcValue>> group) {
    String name = a.string(0);
    NameSpec spec = NameSpec.parse(name);
    if (!spec.isGroup()) {
      return process.apply(name);
    }
    return group.apply(spec.group()).handle((value, error) -> {
      if (error == null) {
        return value;
      }
      Throwable cause = RpcDispatcher.unwrap(error);
      if (cause instanceof SupervisorFault f && f.fault() == Fault.BAD_NAME) {
        throw new CompletionException(new SupervisorFault(Fault.BAD_NAME, name));
      }
      throw error instanceof CompletionException ce ? ce : new CompletionException(error);
    });
  }

  private static CompletionStage<XmlRpcValue> string(CompletionStage<String> s) {
    return s.thenApply(XmlRpcValue::of);
  }

  private static CompletionStage<XmlRpcValue> bool(CompletionStage<Boolean> s) {
    return s.thenApply(XmlRpcValue::of);
  }

  private static CompletionStage<XmlRpcValue> results(
      CompletionStage<List<ProcessResult>> s) {
    return s.thenApply(Results::processResults);
  }
}
