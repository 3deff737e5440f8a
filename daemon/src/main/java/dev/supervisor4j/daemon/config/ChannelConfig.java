package dev.supervisor4j.daemon.config;

/**
 * The {@code stdout_*} or {@code stderr_*} options of one process.
 *
 * @param logfile          {@code *_logfile}
 * @param maxBytes         {@code *_logfile_maxbytes}; 0 means never rotate
 * @param backups          {@code *_logfile_backups}; 0 means truncate on rotation
 * @param captureMaxBytes  {@code *_capture_maxbytes}; above 0 capture mode is on
 * @param eventsEnabled    {@code *_events_enabled}
 * @param syslog           {@code *_syslog} (or the deprecated {@code *_logfile=syslog})
 */
public record ChannelConfig(
    LogTarget logfile,
    long maxBytes,
    int backups,
    long captureMaxBytes,
    boolean eventsEnabled,
    boolean syslog) {

  /** Supervisor's defaults: AUTO, 50MB, 10 backups, no capture, no events, no syslog. */
  public static ChannelConfig defaults() {
    return new ChannelConfig(LogTarget.AUTO, 50L * 1024 * 1024, 10, 0, false, false);
  }
}
