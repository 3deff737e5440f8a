/**
 * The client side of the wire: {@code XmlRpcSupervisorApi} implements the protocol's
 * {@code SupervisorApi} with {@code RpcTransport} (POST /RPC2, as Supervisor's transport sends it)
 * and the protocol module's codec behind {@code RpcCodec}; {@code LogStream} and
 * {@code LogPublisher} follow {@code /logtail} and {@code /mainlogtail}.
 */
package dev.supervisor4j.ctl.rpc;
