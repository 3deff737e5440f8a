package dev.supervisor4j.protocol.xmlrpc;

import java.util.List;
import java.util.Objects;

/**
 * The XML-RPC codec, both directions, for both ends of the wire.
 *
 * <ul>
 *   <li>Server: {@link #decodeCall} a request body, {@link #encodeResponse} / {@link #encodeFault}
 *       the answer.
 *   <li>Client (our supervisorctl): {@link #encodeCall} a request exactly as Python's
 *       {@code xmlrpc.client} would, {@link #decodeResponse} the answer.
 * </ul>
 *
 * <p>Output is byte-for-byte what Python's marshaller writes (see {@link XmlRpcWriter} for the two
 * deliberate differences: {@code <i8>} for large integers, U+FFFD for characters XML forbids).
 * Input is hardened (no DTDs, no entities, bounded size and depth; see {@link XmlRpcReader}) and
 * lenient as Supervisor's own decoder. Instances are immutable and thread-safe.
 */
public final class XmlRpcCodec {
  private final XmlRpcLimits requestLimits;
  private final XmlRpcLimits responseLimits;

  /** A codec with {@link XmlRpcLimits#REQUESTS} and {@link XmlRpcLimits#RESPONSES}. */
  public XmlRpcCodec() {
    this(XmlRpcLimits.REQUESTS, XmlRpcLimits.RESPONSES);
  }

  public XmlRpcCodec(XmlRpcLimits requestLimits, XmlRpcLimits responseLimits) {
    this.requestLimits = Objects.requireNonNull(requestLimits);
    this.responseLimits = Objects.requireNonNull(responseLimits);
  }

  /** The bounds on request bodies; the HTTP layer can refuse a larger Content-Length up front. */
  public XmlRpcLimits requestLimits() {
    return requestLimits;
  }

  public XmlRpcLimits responseLimits() {
    return responseLimits;
  }

  // ---- server side ----

  /**
   * Decodes a request body.
   *
   * @throws MalformedRequest when the body is not a usable methodCall (the HTTP layer answers 400)
   */
  public MethodCall decodeCall(byte[] body) {
    try {
      return XmlRpcReader.readCall(body, requestLimits);
    } catch (ParseError e) {
      throw new MalformedRequest(e.getMessage());
    }
  }

  /** A successful response carrying {@code value}. */
  public byte[] encodeResponse(XmlRpcValue value) {
    return XmlRpcWriter.response(Objects.requireNonNull(value));
  }

  /** A fault response; {@code faultString} is {@code NAME} or {@code NAME: detail}. */
  public byte[] encodeFault(int faultCode, String faultString) {
    return XmlRpcWriter.fault(faultCode, faultString);
  }

  // ---- client side ----

  /** A request body as Python's {@code xmlrpc.client} sends it. */
  public byte[] encodeCall(String methodName, List<XmlRpcValue> params) {
    return XmlRpcWriter.call(Objects.requireNonNull(methodName), List.copyOf(params));
  }

  /**
   * Decodes a response body.
   *
   * @throws MalformedResponse when the body is neither one value nor a proper fault
   */
  public MethodResponse decodeResponse(byte[] body) {
    try {
      return XmlRpcReader.readResponse(body, responseLimits);
    } catch (ParseError e) {
      throw new MalformedResponse(e.getMessage());
    }
  }
}
