package dev.supervisor4j.http;

import dev.supervisor4j.protocol.Caller;
import java.util.concurrent.CompletionStage;

/**
 * What {@code POST /RPC2} calls: takes the raw XML-RPC request body and yields the raw response body
 * (sent as {@code 200}, {@code Content-Type: text/xml}). XML-RPC faults are ordinary 200 responses,
 * so they are the handler's business, not this module's.
 *
 * <p>Failing the stage with {@link BadRequest} answers 400 (supervisord: a body that does not parse,
 * or no method name). Any other failure answers 500 and is logged at CRIT, as supervisord does for
 * an unexpected exception in a method.
 */
@FunctionalInterface
public interface RpcHandler {
  CompletionStage<byte[]> handle(byte[] body);

  /** The same, knowing who sent it (for the history of operator actions); by default ignores it. */
  default CompletionStage<byte[]> handle(byte[] body, Caller caller) {
    return handle(body);
  }

  /** The request body is not an XML-RPC call this server can read; answered with HTTP 400. */
  final class BadRequest extends RuntimeException {
    public BadRequest(String message) {
      super(message, null, false, false);
    }
  }
}
