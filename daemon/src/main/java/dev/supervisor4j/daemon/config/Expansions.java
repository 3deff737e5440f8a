package dev.supervisor4j.daemon.config;

import dev.supervisor4j.protocol.python.PercentFormat;
import dev.supervisor4j.protocol.python.PythonError;
import java.util.Map;

/**
 * Supervisor's {@code %(name)s} expansion of one option value against a name map, with its two error
 * texts ({@link PercentFormat#expand}) as config errors. Which names a given option may use is decided
 * by the caller (see the section parsers); this class only formats and reports. Maps keep insertion order because a bare {@code %s} prints the
 * whole map in that order, as Python prints a dict.
 */
final class Expansions {
  private Expansions() {}

  /**
   * Expands {@code raw} as Python's {@code raw % names}.
   *
   * @param label how Supervisor names the option in errors: {@code section.option}, or a bare name
   *              for second passes ({@code environment}, {@code stdout_logfile}, ...)
   */
  static String expand(String raw, Map<String, ?> names, String label) throws ConfigException {
    try {
      return PercentFormat.expand(raw, names, label);
    } catch (PythonError e) {
      throw new ConfigException(e.getMessage());
    }
  }
}
