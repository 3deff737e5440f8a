package dev.supervisor4j.protocol.xmlrpc;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One entry of the method table: a name clients call, how many arguments it takes, what
 * {@code system.methodSignature} and {@code system.methodHelp} say about it, and what it does.
 *
 * @param name      {@code namespace.method}, exactly as Supervisor 4.2.5 publishes it
 * @param signature {@code [returnType, paramType…]} exactly as Supervisor reports it
 * @param help      our own short description
 * @param minArgs   arguments without a default
 * @param maxArgs   all arguments; outside [minArgs, maxArgs] is INCORRECT_PARAMETERS
 * @param decoder   the client's side: reads the result back as the {@code SupervisorApi} method
 *                  returns it, the inverse of the server's encoding ({@link XmlRpcClient})
 *
 * <p>The server's body of each entry, its {@link Handler}, is bound by name
 * ({@link RpcMethods#handler}), so that a client that only needs the decoders never builds it.
 */
record RpcMethod(String name, List<String> signature, String help, int minArgs, int maxArgs,
    Decoder decoder) {

  RpcMethod {
    signature = List.copyOf(signature);
  }

  /**
   * The body of a method: converts the arguments, calls the API, encodes the result. It may throw {@link dev.supervisor4j.protocol.SupervisorFault} (bad
   * arguments) or return a stage that fails with one; anything else thrown is a bug and is
   * answered as FAILED.
   */
  @FunctionalInterface
  interface Handler {
    CompletionStage<XmlRpcValue> call(RpcDispatcher dispatcher, Args args);
  }
}
