package dev.supervisor4j.protocol.xmlrpc;

/**
 * A body the reader cannot use. Checked, so that every parse path must handle it; the codec turns it
 * into {@link MalformedRequest} or {@link MalformedResponse}.
 */
final class ParseError extends Exception {
  ParseError(String message) {
    super(message, null, false, false);
  }
}
