package dev.supervisor4j.protocol.xmlrpc;

/**
 * The client's half of a method table entry: which reader turns the method's result back into
 * what its {@code SupervisorApi} method returns. The readers sit next to their encoders
 * ({@link Results}, {@link HistoryMethods}); this enum only names them, so that the table is plain
 * data and a client loads no lambda per entry.
 */
enum Decoder {
  STRING, BOOL, LONG, STATE, CONFIG_CHANGES, PROCESS_RESULTS, PROCESS_INFO, PROCESS_INFOS, CONFIG_INFOS,
  LOG_TAIL, NAMES, HISTORY_ENTRIES, HISTORY_SUMMARIES,
  /** The value as it came ({@code system.multicall}'s array of results and faults). */
  VALUE;

  Object decode(XmlRpcValue v) {
    return switch (this) {
      case STRING -> Results.readString(v);
      case BOOL -> Results.readBool(v);
      case LONG -> Results.readLong(v);
      case STATE -> Results.readState(v);
      case CONFIG_CHANGES -> Results.readConfigChanges(v);
      case PROCESS_RESULTS -> Results.readProcessResults(v);
      case PROCESS_INFO -> Results.readProcessInfo(v);
      case PROCESS_INFOS -> Results.readProcessInfos(v);
      case CONFIG_INFOS -> Results.readConfigInfos(v);
      case LOG_TAIL -> Results.readLogTail(v);
      case NAMES -> Results.readNames(v);
      case HISTORY_ENTRIES -> HistoryMethods.readEntries(v);
      case HISTORY_SUMMARIES -> HistoryMethods.readSummaries(v);
      case VALUE -> v;
    };
  }
}
