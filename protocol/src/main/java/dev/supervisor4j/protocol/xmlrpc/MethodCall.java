package dev.supervisor4j.protocol.xmlrpc;

import java.util.List;
import java.util.Objects;

/**
 * A decoded {@code methodCall}: the name exactly as sent and its positional parameters. A request
 * without {@code <params>} has no parameters, as Supervisor allows.
 *
 * @param methodName non-empty, not yet looked up
 * @param params     immutable
 */
public record MethodCall(String methodName, List<XmlRpcValue> params) {
  public MethodCall {
    Objects.requireNonNull(methodName, "methodName");
    params = List.copyOf(params);
  }
}
