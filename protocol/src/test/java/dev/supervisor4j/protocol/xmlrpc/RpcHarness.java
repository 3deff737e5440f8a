package dev.supervisor4j.protocol.xmlrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.testing.FakeSupervisorApi;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A dispatcher over a {@link FakeSupervisorApi}, called through the wire format, as a client would. */
final class RpcHarness {
  final FakeSupervisorApi api;
  final RpcDispatcher dispatcher;
  final XmlRpcCodec codec = new XmlRpcCodec();

  RpcHarness() {
    this(FakeSupervisorApi.standard());
  }

  RpcHarness(FakeSupervisorApi api) {
    this.api = api;
    this.dispatcher = new RpcDispatcher(api);
  }

  /** Sends the call as Python would encode it; returns the pending response body. */
  CompletableFuture<byte[]> send(String method, XmlRpcValue... params) {
    return dispatcher.handle(codec.encodeCall(method, List.of(params))).toCompletableFuture();
  }

  String raw(String method, XmlRpcValue... params) {
    return new String(join(send(method, params)), StandardCharsets.UTF_8);
  }

  MethodResponse call(String method, XmlRpcValue... params) {
    return codec.decodeResponse(join(send(method, params)));
  }

  XmlRpcValue ok(String method, XmlRpcValue... params) {
    MethodResponse r = call(method, params);
    if (r instanceof MethodResponse.Success s) {
      return s.value();
    }
    return fail(method + " failed: " + r);
  }

  void fault(Fault expected, String faultString, String method, XmlRpcValue... params) {
    assertEquals(new MethodResponse.Failure(expected.code(), faultString), call(method, params), method);
  }

  static <T> T join(CompletableFuture<T> f) {
    try {
      return f.get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static XmlRpcValue s(String v) {
    return XmlRpcValue.of(v);
  }

  static XmlRpcValue i(long v) {
    return XmlRpcValue.of(v);
  }

  static XmlRpcValue b(boolean v) {
    return XmlRpcValue.of(v);
  }
}
