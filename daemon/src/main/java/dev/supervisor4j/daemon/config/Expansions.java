package dev.supervisor4j.daemon.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Supervisor's {@code %(name)s} expansion of one option value against a name map, with its two error
 * texts. Which names a given option may use is decided by the caller (see the section parsers); this
 * class only formats and reports. Maps keep insertion order because a bare {@code %s} prints the
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
      return PercentFormat.format(raw, names);
    } catch (PercentFormat.MissingName e) {
      List<String> available = new ArrayList<>(names.keySet());
      available.sort(Py::compareCodePoints);
      throw new ConfigException("Format string " + Py.repr(raw) + " for " + Py.repr(label)
          + " contains names (" + Py.repr(e.name()) + ") which cannot be expanded. Available names: "
          + String.join(", ", available));
    } catch (PercentFormat.BadFormat e) {
      throw new ConfigException("Format string " + Py.repr(raw) + " for " + Py.repr(label)
          + " is badly formatted: " + e.getMessage());
    }
  }
}
