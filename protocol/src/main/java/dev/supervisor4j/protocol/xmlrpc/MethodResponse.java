package dev.supervisor4j.protocol.xmlrpc;

import java.util.Objects;

/** A decoded {@code methodResponse}: one value, or a fault. The client side of the codec. */
public sealed interface MethodResponse {

  /** {@code <params><param><value>…}: the call succeeded. */
  record Success(XmlRpcValue value) implements MethodResponse {
    public Success {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * {@code <fault>}: the call failed. The code is kept as an int because a server may send codes
   * our {@link dev.supervisor4j.protocol.Fault} enum does not know.
   */
  record Failure(int faultCode, String faultString) implements MethodResponse {
    public Failure {
      Objects.requireNonNull(faultString, "faultString");
    }
  }
}
