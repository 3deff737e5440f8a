package dev.supervisor4j.protocol;

/**
 * What {@code tailProcessStdoutLog} returns: {@code [data, offset, overflow]}.
 *
 * @param data     the bytes read, decoded as UTF-8 with replacement
 * @param offset   the file size when read (where a poller continues)
 * @param overflow whether more than {@code length} bytes were new
 */
public record LogTail(String data, long offset, boolean overflow) {}
