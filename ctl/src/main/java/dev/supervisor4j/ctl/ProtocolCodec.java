package dev.supervisor4j.ctl;

import dev.supervisor4j.ctl.rpc.RpcCodec;
import java.util.List;

/**
 * The client side of the protocol module's XML-RPC codec. TODO(#5): wire to
 * {@code dev.supervisor4j.protocol.xmlrpc} once that codec is merged.
 */
final class ProtocolCodec implements RpcCodec {
  @Override
  public byte[] encodeCall(String method, List<Object> params) {
    throw new UnsupportedOperationException("the XML-RPC codec is not merged yet");
  }

  @Override
  public Object decodeResponse(byte[] body) {
    throw new UnsupportedOperationException("the XML-RPC codec is not merged yet");
  }
}
