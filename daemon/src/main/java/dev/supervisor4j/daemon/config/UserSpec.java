package dev.supervisor4j.daemon.config;

/**
 * A user resolved at load time, as {@code user=} names it: the name as written (or the numeric uid),
 * the uid, the primary gid and the home directory.
 */
public record UserSpec(String name, int uid, int gid, String home) {}
