package dev.supervisor4j.protocol.xmlrpc;

import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.SupervisorFault;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The four {@code system.*} entries: introspection over the method table and
 * {@code system.multicall}. None of them touches the API's state, so they work in every
 * supervisord state (SHUTDOWN included); a multicall's inner {@code supervisor.*} calls are gated
 * like any other call.
 */
final class SystemMethods {
  private SystemMethods() {}

  static final String MULTICALL = "system.multicall";

  static List<RpcMethod> all() {
    return List.of(
        new RpcMethod("system.listMethods", List.of("array"),
            "Return the names of every method, sorted.", 0, 0, Decoder.NAMES),
        new RpcMethod("system.methodHelp", List.of("string", "string"),
            "Return a short description of the named method.", 1, 1, Decoder.STRING),
        new RpcMethod("system.methodSignature", List.of("array", "string"),
            "Return [returnType, paramType...] for the named method.", 1, 1, Decoder.NAMES),
        new RpcMethod(MULTICALL, List.of("array", "array"),
            "Run an array of {methodName, params} calls one after another; return, per call, its bare "
                + "value or a {faultCode, faultString} struct.", 1, 1, Decoder.VALUE));
  }

  /** The server's body of each entry (see {@link RpcMethods#handler}). */
  static RpcMethod.Handler handler(String name) {
    return switch (name) {
      case "system.listMethods" -> (d, a) -> done(Results.names(List.copyOf(RpcMethods.names())));
      case "system.methodHelp" -> (d, a) -> done(XmlRpcValue.of(known(a).help()));
      case "system.methodSignature" -> (d, a) -> done(Results.names(known(a).signature()));
      case MULTICALL -> (d, a) -> multicall(d, a.get(0));
      default -> null;
    };
  }

  /** The method named by the first argument; anything else is SIGNATURE_UNSUPPORTED, as Supervisor. */
  private static RpcMethod known(Args a) {
    if (a.get(0) instanceof XmlRpcValue.Str name) {
      RpcMethod m = RpcMethods.lookup(name.value());
      if (m != null) {
        return m;
      }
    }
    throw new SupervisorFault(Fault.SIGNATURE_UNSUPPORTED);
  }

  private static CompletionStage<XmlRpcValue> done(XmlRpcValue v) {
    return CompletableFuture.completedFuture(v);
  }

  /**
   * Runs the calls strictly one at a time, in order: a call held by the API (start with wait)
   * finishes before the next one begins, as in Supervisor. Each result is the bare value (NOT
   * wrapped in a one-element array, whatever the informal multicall spec says) or a fault struct;
   * the multicall itself fails only when its argument is not an array.
   */
  private static CompletionStage<XmlRpcValue> multicall(RpcDispatcher d, XmlRpcValue calls) {
    if (!(calls instanceof XmlRpcValue.Array array)) {
      throw Args.incorrect(); // Supervisor: HTTP 500
    }
    CompletableFuture<XmlRpcValue> result = new CompletableFuture<>();
    new Sequence(d, array.values(), result).resume(0);
    return result;
  }

  /**
   * Steps through the calls in a loop while they complete at once, and continues from a callback
   * when one is pending: thousands of calls never nest thousands of stack frames.
   */
  private static final class Sequence {
    private final RpcDispatcher dispatcher;
    private final List<XmlRpcValue> calls;
    private final List<XmlRpcValue> results;
    private final CompletableFuture<XmlRpcValue> done;

    Sequence(RpcDispatcher dispatcher, List<XmlRpcValue> calls, CompletableFuture<XmlRpcValue> done) {
      this.dispatcher = dispatcher;
      this.calls = calls;
      this.results = new ArrayList<>(calls.size());
      this.done = done;
    }

    void resume(int from) {
      for (int i = from; i < calls.size(); i++) {
        CompletableFuture<XmlRpcValue> one = entry(calls.get(i)).toCompletableFuture();
        if (!one.isDone()) {
          int next = i + 1;
          one.whenComplete((value, error) -> {
            results.add(RpcDispatcher.valueOrFaultStruct(value, error));
            resume(next);
          });
          return;
        }
        results.add(one.handle(RpcDispatcher::valueOrFaultStruct).join());
      }
      done.complete(new XmlRpcValue.Array(results));
    }

    /** One call; never fails: faults become {@code {faultCode, faultString}} via the caller. */
    private CompletionStage<XmlRpcValue> entry(XmlRpcValue call) {
      XmlRpcValue name = call instanceof XmlRpcValue.Struct s ? s.get("methodName") : null;
      if (name == null || name == XmlRpcValue.Nil.INSTANCE) {
        return CompletableFuture.failedFuture(new SupervisorFault(Fault.INCORRECT_PARAMETERS, "No methodName"));
      }
      if (!(name instanceof XmlRpcValue.Str methodName)) {
        // Supervisor fails inside its name lookup here and reports FAILED; so do we, in our words.
        return CompletableFuture.failedFuture(
            new SupervisorFault(Fault.FAILED, "methodName is not a string: " + PyText.repr(name)));
      }
      if (methodName.value().equals(MULTICALL)) {
        return CompletableFuture.failedFuture(
            new SupervisorFault(Fault.INCORRECT_PARAMETERS, "Recursive system.multicall forbidden"));
      }
      XmlRpcValue params = ((XmlRpcValue.Struct) call).get("params");
      if (params == null) {
        return dispatcher.invoke(methodName.value(), List.of());
      }
      if (!(params instanceof XmlRpcValue.Array list)) {
        return CompletableFuture.failedFuture(Args.incorrect());
      }
      return dispatcher.invoke(methodName.value(), list.values());
    }
  }
}
