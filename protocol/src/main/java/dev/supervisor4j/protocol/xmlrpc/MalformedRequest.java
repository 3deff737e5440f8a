package dev.supervisor4j.protocol.xmlrpc;

/**
 * A request body that is not a usable {@code methodCall}: not well-formed XML, a DTD or entity,
 * over the size or depth limit, or no method name. Supervisor answers these with HTTP 400, and so
 * must the HTTP layer; everything else becomes an XML-RPC fault with status 200.
 */
public final class MalformedRequest extends RuntimeException {
  public MalformedRequest(String message) {
    super(message, null, false, false);
  }
}
