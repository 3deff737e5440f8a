package dev.supervisor4j.daemon.spawn;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Our ends of a child's pipes, as plain blocking streams.
 *
 * @param stdin  writes reach the child's fd 0
 * @param stdout the child's fd 1 (and fd 2 when stderr is redirected)
 * @param stderr the child's fd 2, or null when redirected to stdout
 */
record ChildStreams(OutputStream stdin, InputStream stdout, InputStream stderr) {}
