/**
 * XML-RPC as Supervisor 4.2.5 speaks it, in plain Java.
 *
 * <ul>
 *   <li>{@link dev.supervisor4j.protocol.xmlrpc.XmlRpcValue}: the value model (sealed).
 *   <li>{@link dev.supervisor4j.protocol.xmlrpc.XmlRpcCodec}: the public codec, server and client
 *       directions; {@code XmlRpcReader} (hardened StAX, with {@code Scalars} for element text) and
 *       {@code XmlRpcWriter} (Python's marshaller, byte for byte) do the work.
 *   <li>{@link dev.supervisor4j.protocol.xmlrpc.MethodCall},
 *       {@link dev.supervisor4j.protocol.xmlrpc.MethodResponse}: decoded documents;
 *       {@link dev.supervisor4j.protocol.xmlrpc.MalformedRequest} (HTTP 400) and
 *       {@link dev.supervisor4j.protocol.xmlrpc.MalformedResponse} when there is none.
 *   <li>{@link dev.supervisor4j.protocol.xmlrpc.RpcDispatcher}: serves {@code /RPC2} over any
 *       {@link dev.supervisor4j.protocol.SupervisorApi}, using
 *       {@link dev.supervisor4j.protocol.xmlrpc.RpcMethods}, the one table of Supervisor's 41 method
 *       names ({@code SupervisorMethods}, {@code SystemMethods}), {@code Args} (argument conversion
 *       with Python's semantics) and {@code Results} (Supervisor's struct layouts, and their
 *       inverses for the client).
 *   <li>{@link dev.supervisor4j.protocol.xmlrpc.XmlRpcClient}: the client, from the same table: each
 *       entry's decoder turns its answer back into the {@code SupervisorApi} record; it fails with
 *       {@link dev.supervisor4j.protocol.SupervisorFault}, {@link dev.supervisor4j.protocol.xmlrpc.RpcFault}
 *       (an unknown fault code) or {@link dev.supervisor4j.protocol.xmlrpc.ClientError}. The transport
 *       (HTTP over a socket) is the caller's.
 *   <li>{@code PyNumbers}, {@code PyText}: the bits of Python semantics ({@code int()},
 *       {@code float()}, {@code str()}, {@code repr()}) that reach the wire.
 * </ul>
 */
package dev.supervisor4j.protocol.xmlrpc;
