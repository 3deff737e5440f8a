/**
 * supervisorctl in Java: {@link dev.supervisor4j.ctl.SupervisorCtl} (main), and the CDS training
 * run the launcher uses for a fast start.
 *
 * <ul>
 *   <li>{@code options}: argv (Python getopt rules) and the {@code [supervisorctl]} section.
 *   <li>{@code command}: the parsed line ({@code CtlCommand}), the controller (exit status, upcheck,
 *       catch-all) and one file per group of actions.
 *   <li>{@code rpc}: {@code RpcTransport}, which carries the protocol's XML-RPC client
 *       ({@code XmlRpcClient}) over HTTP, and the {@code /logtail} streams.
 *   <li>{@code http}: a small blocking HTTP/1.1 client over unix and TCP socket channels.
 *   <li>{@code shell}: the interactive loop; JLine only on a terminal.
 *   <li>{@code compat}: Python's string, path and URL rules where they show in the output.
 * </ul>
 *
 * <p>Depends on {@code protocol} only (and JLine for the shell): no Pekko, no Scala, no daemon.
 */
package dev.supervisor4j.ctl;
