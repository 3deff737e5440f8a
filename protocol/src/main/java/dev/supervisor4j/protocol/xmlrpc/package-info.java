/**
 * XML-RPC as Supervisor 4.2.5 speaks it, in plain Java.
 *
 * <ul>
 *   <li>{@link dev.supervisor4j.protocol.xmlrpc.XmlRpcValue}: the value model (sealed).
 *   <li>{@link dev.supervisor4j.protocol.xmlrpc.XmlRpcCodec}: the public codec, server and client
 *       directions; {@code XmlRpcReader} (hardened StAX) and {@code XmlRpcWriter} (Python's
 *       marshaller, byte for byte) do the work.
 *   <li>{@link dev.supervisor4j.protocol.xmlrpc.MethodCall},
 *       {@link dev.supervisor4j.protocol.xmlrpc.MethodResponse}: decoded documents;
 *       {@link dev.supervisor4j.protocol.xmlrpc.MalformedRequest} (HTTP 400) and
 *       {@link dev.supervisor4j.protocol.xmlrpc.MalformedResponse} when there is none.
 *   <li>{@code PyNumbers}, {@code PyText}: the bits of Python semantics ({@code int()},
 *       {@code float()}, {@code str()}, {@code repr()}) that reach the wire.
 * </ul>
 */
package dev.supervisor4j.protocol.xmlrpc;
