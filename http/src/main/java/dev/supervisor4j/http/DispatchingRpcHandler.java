package dev.supervisor4j.http;

import dev.supervisor4j.protocol.Caller;
import dev.supervisor4j.protocol.Failures;
import dev.supervisor4j.protocol.SupervisorApi;
import dev.supervisor4j.protocol.xmlrpc.MalformedRequest;
import dev.supervisor4j.protocol.xmlrpc.RpcDispatcher;
import dev.supervisor4j.protocol.xmlrpc.XmlRpcCodec;
import dev.supervisor4j.protocol.xmlrpc.XmlRpcLimits;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * {@code POST /RPC2} answered by the protocol's {@link RpcDispatcher}, each request through the API
 * as its caller sees it ({@code actingAs}: the daemon records actions with who sent them). A body
 * the codec refuses is a 400 ({@link RpcHandler.BadRequest}), everything else a 200 with a fault or
 * a value.
 */
final class DispatchingRpcHandler implements RpcHandler {
  private final Function<Caller, SupervisorApi> actingAs;
  private final XmlRpcCodec codec;

  DispatchingRpcHandler(Function<Caller, SupervisorApi> actingAs, long maxRequestBytes) {
    this.actingAs = actingAs;
    // The decoder takes what the HTTP layer lets through: one limit, one answer (413) beyond it.
    this.codec = new XmlRpcCodec(
        new XmlRpcLimits((int) maxRequestBytes, XmlRpcLimits.REQUESTS.maxDepth()), XmlRpcLimits.RESPONSES);
  }

  @Override
  public CompletionStage<byte[]> handle(byte[] body) {
    return handle(body, Caller.UNKNOWN);
  }

  @Override
  public CompletionStage<byte[]> handle(byte[] body, Caller caller) {
    return new RpcDispatcher(actingAs.apply(caller), codec).handle(body).exceptionally(e -> {
      Throwable cause = Failures.unwrap(e);
      if (cause instanceof MalformedRequest) {
        throw new RpcHandler.BadRequest(cause.getMessage());
      }
      throw e instanceof RuntimeException ? (RuntimeException) e : new CompletionException(e);
    });
  }
}
