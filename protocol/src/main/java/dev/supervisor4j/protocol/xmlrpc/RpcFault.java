package dev.supervisor4j.protocol.xmlrpc;

import dev.supervisor4j.protocol.python.PyRepr;

/**
 * A fault response as sent: code and faultString. {@link XmlRpcClient} turns the codes it knows
 * into {@code SupervisorFault}s; an unknown code stays an RpcFault, and supervisorctl prints it the
 * way Python's {@code xmlrpc.client.Fault} prints: {@code <Fault 99: 'text'>}.
 */
public final class RpcFault extends RuntimeException {
  private final int code;
  private final String faultString;

  public RpcFault(int code, String faultString) {
    super("<Fault " + code + ": " + PyRepr.of(faultString) + ">", null, false, false);
    this.code = code;
    this.faultString = faultString;
  }

  public int code() {
    return code;
  }

  public String faultString() {
    return faultString;
  }
}
