package dev.supervisor4j.protocol;

/**
 * Counts for one process over its whole recorded life (they survive retention and restarts).
 *
 * @param starts          spawns that reached STARTING
 * @param unexpectedExits exits with a status not in {@code exitcodes}, including signal deaths
 * @param lastExitStatus  the last exit status seen, null if it never exited
 * @param lastExitMillis  when, 0 if never
 */
public record HistorySummary(String group, String name, long starts, long unexpectedExits,
    Integer lastExitStatus, long lastExitMillis) {}
