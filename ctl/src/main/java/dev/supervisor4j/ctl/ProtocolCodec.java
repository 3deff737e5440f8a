package dev.supervisor4j.ctl;

import dev.supervisor4j.ctl.compat.PyException;
import dev.supervisor4j.ctl.rpc.RpcCodec;
import dev.supervisor4j.ctl.rpc.RpcFault;
import dev.supervisor4j.protocol.xmlrpc.MalformedResponse;
import dev.supervisor4j.protocol.xmlrpc.MethodResponse;
import dev.supervisor4j.protocol.xmlrpc.XmlRpcCodec;
import dev.supervisor4j.protocol.xmlrpc.XmlRpcValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client side of the protocol module's XML-RPC codec, with values as plain Java objects for
 * the result decoding in {@code rpc}. A response the codec cannot read fails like Python's
 * client does, as an {@code ExpatError}, which supervisorctl prints through its catch-all.
 */
final class ProtocolCodec implements RpcCodec {
  private final XmlRpcCodec codec = new XmlRpcCodec();

  @Override
  public byte[] encodeCall(String method, List<Object> params) {
    List<XmlRpcValue> values = new ArrayList<>(params.size());
    for (Object p : params) {
      values.add(toValue(p));
    }
    return codec.encodeCall(method, values);
  }

  @Override
  public Object decodeResponse(byte[] body) {
    MethodResponse response;
    try {
      response = codec.decodeResponse(body);
    } catch (MalformedResponse e) {
      throw new PyException("xml.parsers.expat.ExpatError", e.getMessage());
    }
    if (response instanceof MethodResponse.Failure) {
      MethodResponse.Failure f = (MethodResponse.Failure) response;
      throw new RpcFault(f.faultCode(), f.faultString());
    }
    return toJava(((MethodResponse.Success) response).value());
  }

  private static XmlRpcValue toValue(Object p) {
    if (p instanceof String) {
      return new XmlRpcValue.Str((String) p);
    }
    if (p instanceof Boolean) {
      return XmlRpcValue.of(((Boolean) p).booleanValue());
    }
    if (p instanceof Number) {
      return new XmlRpcValue.Int(((Number) p).longValue());
    }
    throw new IllegalArgumentException("no XML-RPC form for " + p);
  }

  private static Object toJava(XmlRpcValue v) {
    if (v instanceof XmlRpcValue.Str) {
      return ((XmlRpcValue.Str) v).value();
    }
    if (v instanceof XmlRpcValue.Int) {
      return ((XmlRpcValue.Int) v).value();
    }
    if (v instanceof XmlRpcValue.Bool) {
      return ((XmlRpcValue.Bool) v).value();
    }
    if (v instanceof XmlRpcValue.Array) {
      List<XmlRpcValue> items = ((XmlRpcValue.Array) v).values();
      List<Object> out = new ArrayList<>(items.size());
      for (XmlRpcValue item : items) {
        out.add(toJava(item));
      }
      return out;
    }
    if (v instanceof XmlRpcValue.Struct) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, XmlRpcValue> e : ((XmlRpcValue.Struct) v).members().entrySet()) {
        out.put(e.getKey(), toJava(e.getValue()));
      }
      return out;
    }
    if (v instanceof XmlRpcValue.Real) {
      return ((XmlRpcValue.Real) v).value();
    }
    if (v instanceof XmlRpcValue.Base64) {
      return new String(((XmlRpcValue.Base64) v).bytes(), StandardCharsets.UTF_8);
    }
    if (v instanceof XmlRpcValue.DateTime) {
      return ((XmlRpcValue.DateTime) v).value().toString();
    }
    return null;
  }
}
