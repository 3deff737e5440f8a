package dev.supervisor4j.daemon.output;

import dev.supervisor4j.protocol.python.PyRepr;
import org.slf4j.Logger;

/**
 * At loglevel debug or lower, copies each chunk into the main log as DEBG
 * {@code '<name>' <channel> output:} + newline + data, where data is the chunk decoded as UTF-8, or
 * {@code Undecodable: b'...'} when it is not valid UTF-8 (a read can split a character; Supervisor
 * then prints the repr too). The level is checked per chunk (one volatile read), so nothing is
 * decoded or allocated at info and above.
 */
final class MainLogCopy implements OutputSink {
  private final Logger log;
  private final String prefix;

  MainLogCopy(Logger log, String processName, String channel) {
    this.log = log;
    this.prefix = PyRepr.of(processName) + " " + channel + " output:\n";
  }

  @Override
  public void write(byte[] buf, int off, int len) {
    if (len == 0 || !log.isDebugEnabled()) {
      return;
    }
    log.debug(prefix + OutputText.utf8OrRepr(buf, off, len));
  }
}
