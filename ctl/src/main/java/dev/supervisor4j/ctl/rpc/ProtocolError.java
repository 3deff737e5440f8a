package dev.supervisor4j.ctl.rpc;

/**
 * An HTTP status other than 200 on {@code /RPC2}: Python's {@code xmlrpc.client.ProtocolError}.
 * supervisorctl treats 401 specially and prints the rest through its generic error line, where
 * the URL is always the dummy {@code 127.0.0.1/RPC2} its transport is built with.
 */
public final class ProtocolError extends RuntimeException {
  private final int status;
  private final String reason;

  public ProtocolError(int status, String reason) {
    super("<ProtocolError for 127.0.0.1/RPC2: " + status + " " + reason + ">", null, false, false);
    this.status = status;
    this.reason = reason;
  }

  public int status() {
    return status;
  }

  public String reason() {
    return reason;
  }
}
