/**
 * A blocking HTTP/1.1 client on {@code SocketChannel}s, unix and TCP: connect ({@code Endpoint},
 * with Python's socket errors), read a response head, decode chunked bodies as they arrive.
 * Chosen over {@code java.net.http}, which cannot use unix sockets and costs about a second of
 * start-up.
 */
package dev.supervisor4j.ctl.http;
