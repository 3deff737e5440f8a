package dev.supervisor4j.protocol.xmlrpc;

import dev.supervisor4j.protocol.Failures;
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
 * The 37 {@code supervisor.*} entries of the method table, aliases included: each entry's arity,
 * help and the client's {@link Decoder}, and ({@link #handler}) the server's body mapping its
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
    add(m, "getAPIVersion", List.of("string"), 0, Decoder.STRING, "Return the XML-RPC API version, 3.0.");
    add(m, "getVersion", List.of("string"), 0, Decoder.STRING,
        "Deprecated alias of getAPIVersion; supervisorctl still calls it to check the API version.");
    add(m, "getSupervisorVersion", List.of("string"), 0, Decoder.STRING,
        "Return the Supervisor version this daemon is compatible with.");
    add(m, "getIdentification", List.of("string"), 0, Decoder.STRING,
        "Return the identifier set in [supervisord] (default 'supervisor').");
    add(m, "getState", List.of("struct"), 0, Decoder.STATE,
        "Return the daemon's state as a struct {statecode, statename}.");
    add(m, "getPID", List.of("int"), 0, Decoder.LONG, "Return the daemon's process id.");
    add(m, "readLog", List.of("string", "int", "int"), 2, Decoder.STRING,
        "Read length bytes of the main log from offset; a negative offset with length 0 reads the tail.");
    add(m, "readMainLog", List.of("string", "int", "int"), 2, Decoder.STRING, "Alias of readLog.");
    add(m, "clearLog", List.of("boolean"), 0, Decoder.BOOL, "Truncate the main log and reopen it.");
    add(m, "shutdown", List.of("boolean"), 0, Decoder.BOOL, "Stop every process, then exit the daemon.");
    add(m, "restart", List.of("boolean"), 0, Decoder.BOOL,
        "Stop every process, re-read the configuration and start again in the same daemon.");
    // -- configuration
    add(m, "reloadConfig", List.of("array"), 0, Decoder.CONFIG_CHANGES,
        "Re-read the configuration without applying it; return [[added, changed, removed]] group names.");
    add(m, "addProcessGroup", List.of("boolean", "string"), 1, Decoder.BOOL,
        "Activate a group from the last configuration read.");
    add(m, "removeProcessGroup", List.of("boolean", "string"), 1, Decoder.BOOL,
        "Remove a stopped group from the running configuration.");
    // -- starting and stopping
    add(m, "startProcess", List.of("boolean", "string", "boolean"), 1, Decoder.BOOL,
        "Start a process (name or group:name); with group:* start the group and return its results. "
            + "With wait (default true), answer once it is RUNNING.");
    add(m, "startProcessGroup", List.of("array", "string", "boolean"), 1, Decoder.PROCESS_RESULTS,
        "Start every process of a group that is not running; return one result struct per process.");
    add(m, "startAllProcesses", List.of("array", "boolean"), 0, Decoder.PROCESS_RESULTS,
        "Start every process that is not running, in priority order; return the result structs.");
    add(m, "stopProcess", List.of("boolean", "string", "boolean"), 1, Decoder.BOOL,
        "Stop a process (name or group:name); with group:* stop the group and return its results. "
            + "With wait (default true), answer once it has stopped.");
    add(m, "stopProcessGroup", List.of("array", "string", "boolean"), 1, Decoder.PROCESS_RESULTS,
        "Stop every running process of a group; return one result struct per process.");
    add(m, "stopAllProcesses", List.of("array", "boolean"), 0, Decoder.PROCESS_RESULTS,
        "Stop every running process, in reverse priority order; return the result structs.");
    add(m, "signalProcess", List.of("boolean", "string", "string"), 2, Decoder.BOOL,
        "Send a signal (name like HUP or SIGHUP, or number) to a process; group:* signals the group.");
    add(m, "signalProcessGroup", List.of("array", "string", "string"), 2, Decoder.PROCESS_RESULTS,
        "Send a signal to every signallable process of a group; return the result structs.");
    add(m, "signalAllProcesses", List.of("array", "string"), 1, Decoder.PROCESS_RESULTS,
        "Send a signal to every signallable process; return the result structs.");
    // -- process information
    add(m, "getProcessInfo", List.of("struct", "string"), 1, Decoder.PROCESS_INFO,
        "Return the status struct of one process (name or group:name).");
    add(m, "getAllProcessInfo", List.of("array"), 0, Decoder.PROCESS_INFOS,
        "Return the status structs of every process, sorted by group then name.");
    add(m, "getAllConfigInfo", List.of("array"), 0, Decoder.CONFIG_INFOS,
        "Return the configuration of every process of the loaded configuration.");
    // -- process logs
    // Help texts are concatenated, not formatted: a client reading the table loads no Formatter.
    add(m, "readProcessStdoutLog", List.of("string", "string", "int", "int"), 3, Decoder.STRING,
        readHelp("stdout"));
    add(m, "readProcessLog", List.of("string", "string", "int", "int"), 3, Decoder.STRING,
        "Alias of readProcessStdoutLog.");
    add(m, "readProcessStderrLog", List.of("string", "string", "int", "int"), 3, Decoder.STRING,
        readHelp("stderr"));
    add(m, "tailProcessStdoutLog", List.of("array", "string", "int", "int"), 3, Decoder.LOG_TAIL,
        tailHelp("stdout"));
    add(m, "tailProcessLog", List.of("array", "string", "int", "int"), 3, Decoder.LOG_TAIL,
        "Alias of tailProcessStdoutLog.");
    add(m, "tailProcessStderrLog", List.of("array", "string", "int", "int"), 3, Decoder.LOG_TAIL,
        tailHelp("stderr"));
    add(m, "clearProcessLogs", List.of("boolean", "string"), 1, Decoder.BOOL,
        "Truncate and reopen both logs of one process.");
    add(m, "clearProcessLog", List.of("boolean", "string"), 1, Decoder.BOOL, "Alias of clearProcessLogs.");
    add(m, "clearAllProcessLogs", List.of("array"), 0, Decoder.PROCESS_RESULTS,
        "Truncate and reopen the logs of every process; return the result structs.");
    // -- talking to processes and listeners
    add(m, "sendProcessStdin", List.of("boolean", "string", "string"), 2, Decoder.BOOL,
        "Write a string, UTF-8 encoded, to a running process's stdin.");
    add(m, "sendRemoteCommEvent", List.of("boolean", "string", "string"), 2, Decoder.BOOL,
        "Emit a REMOTE_COMMUNICATION event with the given type and data to event listeners.");
    return m;
  }

  /**
   * The body of each entry: converts the arguments, calls the API, encodes the result. Only the
   * server binds them ({@link RpcMethods#handler}); a client never builds these lambdas, which keeps
   * supervisorctl's start short.
   */
  static RpcMethod.Handler handler(String name) {
    return switch (name) {
      // -- status and control of supervisord itself
      case "getAPIVersion", "getVersion" -> (d, a) -> string(d.api().getAPIVersion());
      case "getSupervisorVersion" -> (d, a) -> string(d.api().getSupervisorVersion());
      case "getIdentification" -> (d, a) -> string(d.api().getIdentification());
      case "getState" -> (d, a) -> d.api().getState().thenApply(Results::state);
      case "getPID" -> (d, a) -> d.api().getPID().thenApply(XmlRpcValue::of);
      case "readLog", "readMainLog" -> (d, a) -> string(d.api().readLog(a.integer(0), a.integer(1)));
      case "clearLog" -> (d, a) -> bool(d.api().clearLog());
      case "shutdown" -> (d, a) -> bool(d.api().shutdown());
      case "restart" -> (d, a) -> bool(d.api().restart());
      // -- configuration
      case "reloadConfig" -> (d, a) -> d.api().reloadConfig().thenApply(Results::configChanges);
      case "addProcessGroup" -> (d, a) -> bool(d.api().addProcessGroup(a.addedGroupName(0)));
      case "removeProcessGroup" -> (d, a) -> bool(d.api().removeProcessGroup(a.groupName(0)));
      // -- starting and stopping
      case "startProcess" -> (d, a) -> processOrGroup(a,
          n -> bool(d.api().startProcess(n, a.truthy(1, true))),
          g -> results(d.api().startProcessGroup(g, a.truthy(1, true))));
      case "startProcessGroup" -> (d, a) -> results(d.api().startProcessGroup(a.groupName(0), a.truthy(1, true)));
      case "startAllProcesses" -> (d, a) -> results(d.api().startAllProcesses(a.truthy(0, true)));
      case "stopProcess" -> (d, a) -> processOrGroup(a,
          n -> bool(d.api().stopProcess(n, a.truthy(1, true))),
          g -> results(d.api().stopProcessGroup(g, a.truthy(1, true))));
      case "stopProcessGroup" -> (d, a) -> results(d.api().stopProcessGroup(a.groupName(0), a.truthy(1, true)));
      case "stopAllProcesses" -> (d, a) -> results(d.api().stopAllProcesses(a.truthy(0, true)));
      case "signalProcess" -> (d, a) -> processOrGroup(a,
          n -> bool(d.api().signalProcess(n, a.signal(1))),
          g -> results(d.api().signalProcessGroup(g, a.signal(1))));
      case "signalProcessGroup" -> (d, a) -> results(d.api().signalProcessGroup(a.groupName(0), a.signal(1)));
      case "signalAllProcesses" -> (d, a) -> results(d.api().signalAllProcesses(a.signal(0)));
      // -- process information
      case "getProcessInfo" -> (d, a) -> d.api().getProcessInfo(a.string(0)).thenApply(Results::processInfo);
      case "getAllProcessInfo" -> (d, a) -> d.api().getAllProcessInfo().thenApply(Results::processInfos);
      case "getAllConfigInfo" -> (d, a) -> d.api().getAllConfigInfo().thenApply(Results::configInfos);
      // -- process logs
      case "readProcessStdoutLog", "readProcessLog" ->
          (d, a) -> string(d.api().readProcessStdoutLog(a.string(0), a.integer(1), a.integer(2)));
      case "readProcessStderrLog" ->
          (d, a) -> string(d.api().readProcessStderrLog(a.string(0), a.integer(1), a.integer(2)));
      case "tailProcessStdoutLog", "tailProcessLog" -> (d, a) ->
          d.api().tailProcessStdoutLog(a.string(0), a.integer(1), a.integer(2)).thenApply(Results::logTail);
      case "tailProcessStderrLog" -> (d, a) ->
          d.api().tailProcessStderrLog(a.string(0), a.integer(1), a.integer(2)).thenApply(Results::logTail);
      case "clearProcessLogs", "clearProcessLog" -> (d, a) -> bool(d.api().clearProcessLogs(a.string(0)));
      case "clearAllProcessLogs" -> (d, a) -> results(d.api().clearAllProcessLogs());
      // -- talking to processes and listeners
      case "sendProcessStdin" -> (d, a) -> {
        String chars = a.chars(1); // Supervisor checks chars before the name
        return bool(d.api().sendProcessStdin(a.string(0), chars));
      };
      case "sendRemoteCommEvent" -> (d, a) -> bool(d.api().sendRemoteCommEvent(a.text(0), a.text(1)));
      default -> null;
    };
  }

  private static String readHelp(String channel) {
    return "Read length bytes of a process's " + channel + " log from offset (as readLog).";
  }

  private static String tailHelp(String channel) {
    return "Return [data, offset, overflow]: the last length bytes of a process's " + channel + " log, "
        + "the log's size, and whether more than length bytes lay past offset.";
  }

  private static void add(List<RpcMethod> table, String name, List<String> signature, int minArgs,
      Decoder decoder, String help) {
    table.add(new RpcMethod(NS + name, signature, help, minArgs, signature.size() - 1, decoder));
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
      Throwable cause = Failures.unwrap(error);
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
