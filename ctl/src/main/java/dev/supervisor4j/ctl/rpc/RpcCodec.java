package dev.supervisor4j.ctl.rpc;

import java.util.List;

/**
 * The XML-RPC codec as the client sees it: encode a call, decode a response. Implemented over the
 * protocol module's codec ({@code dev.supervisor4j.protocol.xmlrpc}); the client never parses XML
 * itself. Values are plain Java: String, Integer/Long, Boolean, Double, List, Map (struct).
 */
public interface RpcCodec {
  /** The {@code <methodCall>} document for {@code method} with these parameters. */
  byte[] encodeCall(String method, List<Object> params);

  /**
   * The value of a {@code <methodResponse>}.
   *
   * @throws RpcFault when the response is a fault
   */
  Object decodeResponse(byte[] body);
}
