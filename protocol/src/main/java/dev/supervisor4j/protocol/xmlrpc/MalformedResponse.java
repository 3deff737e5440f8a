package dev.supervisor4j.protocol.xmlrpc;

/**
 * A response body a client cannot use: not well-formed XML, a DTD or entity, over the limits, or
 * neither one value nor a proper fault. Python's client raises ExpatError or ResponseError here.
 */
public final class MalformedResponse extends RuntimeException {
  public MalformedResponse(String message) {
    super(message, null, false, false);
  }
}
