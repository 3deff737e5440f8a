package dev.supervisor4j.protocol;

import java.util.List;

/**
 * One process of the loaded config, as {@code getAllConfigInfo} reports it (29 keys). Values
 * supervisord sends as the strings {@code none}/{@code auto} are kept as such here.
 */
public record ConfigInfo(
    String name,
    String group,
    boolean inuse,
    boolean autostart,
    int groupPrio,
    int processPrio,
    String command,
    String directory,
    String uid,
    List<Integer> exitcodes,
    boolean killasgroup,
    boolean redirectStderr,
    int startretries,
    int startsecs,
    int stopsignal,
    int stopwaitsecs,
    String serverurl,
    Channel stdout,
    Channel stderr) {

  /**
   * The six per-channel keys.
   *
   * @param logfile the path, or {@code auto} / {@code none}
   */
  public record Channel(long captureMaxbytes, boolean eventsEnabled, String logfile, int logfileBackups,
      long logfileMaxbytes, boolean syslog) {}

  public ConfigInfo {
    exitcodes = List.copyOf(exitcodes);
  }
}
