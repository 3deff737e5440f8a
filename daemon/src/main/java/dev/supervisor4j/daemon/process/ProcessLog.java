package dev.supervisor4j.daemon.process;

import dev.supervisor4j.daemon.log.MainLog;
import org.slf4j.Logger;
import org.slf4j.Marker;

/** The main log, as the process states write to it (supervisord's words, its levels). */
final class ProcessLog {
  static final Logger LOG = MainLog.LOG;
  static final Marker CRIT = MainLog.CRIT;

  private ProcessLog() {}
}
