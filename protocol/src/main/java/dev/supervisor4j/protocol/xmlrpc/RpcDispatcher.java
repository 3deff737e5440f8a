package dev.supervisor4j.protocol.xmlrpc;

import dev.supervisor4j.protocol.Failures;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.SupervisorApi;
import dev.supervisor4j.protocol.SupervisorFault;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Serves {@code /RPC2}: decodes a request, looks the method up in {@link RpcMethods}, checks the
 * arity, calls the {@link SupervisorApi}, and encodes the answer.
 *
 * <p>Usage from the HTTP layer:
 * <pre>{@code
 * RpcDispatcher rpc = new RpcDispatcher(api);
 * rpc.handle(body)   // CompletionStage<byte[]>: 200 text/xml with these bytes,
 *                    // or fails with MalformedRequest (possibly inside a CompletionException): 400
 * }</pre>
 *
 * <p>Every other outcome is a 200 with an XML-RPC document: SupervisorFaults become fault
 * responses, and any other exception (a bug in the API implementation, a null result) becomes
 * {@code FAILED: <class '…'>:message}, where Supervisor would answer HTTP 500. No method has a
 * timeout here: a held {@code startProcess(wait=true)} answers when the API's stage completes.
 */
public final class RpcDispatcher {
  private final SupervisorApi api;
  private final XmlRpcCodec codec;

  public RpcDispatcher(SupervisorApi api) {
    this(api, new XmlRpcCodec());
  }

  public RpcDispatcher(SupervisorApi api, XmlRpcCodec codec) {
    this.api = Objects.requireNonNull(api);
    this.codec = Objects.requireNonNull(codec);
  }

  /**
   * Answers one request body with a complete response body (faults included).
   *
   * @return a stage that fails only with {@link MalformedRequest}, when the HTTP layer must answer 400
   */
  public CompletionStage<byte[]> handle(byte[] requestBody) {
    MethodCall call;
    try {
      call = codec.decodeCall(requestBody);
    } catch (MalformedRequest e) {
      return CompletableFuture.failedFuture(e);
    }
    return call(call).thenApply(this::encode);
  }

  /** Answers a decoded call; the stage never fails. */
  public CompletionStage<MethodResponse> call(MethodCall call) {
    return invoke(call.methodName(), call.params()).handle((value, error) -> {
      if (error == null && value != null) {
        return new MethodResponse.Success(value);
      }
      SupervisorFault fault = asFault(error == null ? new NullPointerException("no result") : error);
      return new MethodResponse.Failure(fault.fault().code(), fault.getMessage());
    });
  }

  /** The codec used to decode requests and encode responses. */
  public XmlRpcCodec codec() {
    return codec;
  }

  SupervisorApi api() {
    return api;
  }

  /** Looks up and runs one method; the stage fails with the fault (or an unexpected exception). */
  CompletionStage<XmlRpcValue> invoke(String name, List<XmlRpcValue> params) {
    RpcMethod method = RpcMethods.lookup(name);
    if (method == null) {
      return CompletableFuture.failedFuture(new SupervisorFault(Fault.UNKNOWN_METHOD));
    }
    if (params.size() < method.minArgs() || params.size() > method.maxArgs()) {
      return CompletableFuture.failedFuture(new SupervisorFault(Fault.INCORRECT_PARAMETERS));
    }
    try {
      CompletionStage<XmlRpcValue> stage = RpcMethods.handler(method).call(this, new Args(params));
      return stage != null ? stage : CompletableFuture.failedFuture(new NullPointerException(name + " returned null"));
    } catch (RuntimeException e) {
      // Bad arguments (SupervisorFault) or an API that threw instead of failing its stage.
      return CompletableFuture.failedFuture(e);
    }
  }

  private byte[] encode(MethodResponse response) {
    if (response instanceof MethodResponse.Success s) {
      return codec.encodeResponse(s.value());
    }
    MethodResponse.Failure f = (MethodResponse.Failure) response;
    return codec.encodeFault(f.faultCode(), f.faultString());
  }

  /** A multicall entry's result: the bare value, or {@code {faultCode, faultString}}. */
  static XmlRpcValue valueOrFaultStruct(XmlRpcValue value, Throwable error) {
    if (error == null && value != null) {
      return value;
    }
    SupervisorFault fault = asFault(error == null ? new NullPointerException("no result") : error);
    return XmlRpcWriter.faultStruct(fault.fault().code(), fault.getMessage());
  }

  /**
   * A SupervisorFault as it is, anything else as FAILED in the shape Supervisor's multicall uses
   * for unexpected exceptions: {@code FAILED: <class 'name'>:message}.
   */
  static SupervisorFault asFault(Throwable error) {
    Throwable cause = Failures.unwrap(error);
    if (cause instanceof SupervisorFault f) {
      return f;
    }
    String message = cause.getMessage() == null ? "" : cause.getMessage();
    return new SupervisorFault(Fault.FAILED, "<class '" + cause.getClass().getName() + "'>:" + message);
  }
}
