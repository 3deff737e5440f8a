package dev.supervisor4j.daemon.config;

/**
 * The {@code [supervisorctl]} section as the daemon's loader sees it (the ctl module reads its own).
 *
 * @param serverUrl   {@code serverurl} (default {@code http://localhost:9001})
 * @param username    null when unset
 * @param password    null when unset
 * @param prompt      {@code prompt} (default {@code supervisor})
 * @param historyFile null when unset
 */
public record CtlSettings(String serverUrl, String username, String password, String prompt,
    String historyFile) {}
