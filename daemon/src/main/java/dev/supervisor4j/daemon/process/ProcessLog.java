package dev.supervisor4j.daemon.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/** The main-log lines a process produces, in supervisord's words. */
final class ProcessLog {
  static final Logger LOG = LoggerFactory.getLogger("supervisord");
  static final Marker CRIT = MarkerFactory.getMarker("CRIT");

  private ProcessLog() {}
}
