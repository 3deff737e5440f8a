package dev.supervisor4j.protocol.xmlrpc;

/**
 * A call {@link XmlRpcClient} could not send, or an answer it cannot use, named after the Python
 * exception that Supervisor's supervisorctl raises in the same case: {@code OverflowError} for an
 * integer argument beyond XML-RPC's 32 bits, {@code xml.parsers.expat.ExpatError} for a response
 * that does not parse, {@code TypeError} or {@code ValueError} for a result of the wrong shape.
 */
public final class ClientError extends RuntimeException {
  private final String pythonClass;

  public ClientError(String pythonClass, String message) {
    super(message, null, false, false);
    this.pythonClass = pythonClass;
  }

  /** The Python class, as {@code str(type)} names it without {@code <class '...'>}. */
  public String pythonClass() {
    return pythonClass;
  }
}
