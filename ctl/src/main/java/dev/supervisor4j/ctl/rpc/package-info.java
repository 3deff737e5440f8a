/**
 * The client side of the wire, bytes only: {@code RpcTransport} carries the protocol module's
 * {@code XmlRpcClient} (the {@code SupervisorApi} built from the server's own method table) to
 * POST /RPC2, as Supervisor's transport sends it; {@code LogStream} and {@code LogPublisher} follow
 * {@code /logtail} and {@code /mainlogtail}.
 */
package dev.supervisor4j.ctl.rpc;
