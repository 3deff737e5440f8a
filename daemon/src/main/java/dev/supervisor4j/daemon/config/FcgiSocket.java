package dev.supervisor4j.daemon.config;

/**
 * The socket options of an {@code [fcgi-program:x]}.
 *
 * @param url     {@code tcp://host:port} or {@code unix:///abs/path}, expanded
 * @param backlog {@code socket_backlog}; null for the OS default
 * @param owner   {@code socket_owner} as written; null when unset
 * @param mode    {@code socket_mode}; null for the default 0700
 */
public record FcgiSocket(String url, Integer backlog, String owner, Integer mode) {}
