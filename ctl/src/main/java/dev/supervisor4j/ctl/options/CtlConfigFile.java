package dev.supervisor4j.ctl.options;

import dev.supervisor4j.ctl.compat.PyPath;
import dev.supervisor4j.protocol.python.ConfigParserLines;
import dev.supervisor4j.protocol.python.PercentFormat;
import dev.supervisor4j.protocol.python.PythonError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code [supervisorctl]} section of one file the way Supervisor's
 * {@code ClientOptions.read_config} does: no {@code [include]}, {@code %(here)s} (the file's
 * directory) only in {@code serverurl} and {@code history_file}, {@code %(ENV_X)s} everywhere,
 * a {@code unix://} path and the history file made absolute against the current directory. The
 * file's lines are read by configparser's rules ({@link ConfigParserLines}); this class stores them as
 * configparser does: duplicate sections merge, later keys win, {@code [DEFAULT]} shows through.
 *
 * @param serverurl   never null
 * @param prompt      never null
 * @param username    null when absent
 * @param password    null when absent
 * @param historyFile null when absent or empty
 */
record CtlConfigFile(String serverurl, String prompt, String username, String password, String historyFile) {

  static final String SECTION = "supervisorctl";
  private static final String DEFAULT = "DEFAULT";

  /** Supervisor's search list for a missing {@code -c}, relative to {@code dirname(dirname(argv[0]))}. */
  static List<String> searchPaths(String progname) {
    String here = PyPath.dirname(PyPath.dirname(progname));
    return List.of(PyPath.join(PyPath.join(here, "etc"), "supervisord.conf"), PyPath.join(here, "supervisord.conf"),
        "supervisord.conf", "etc/supervisord.conf", "/etc/supervisord.conf", "/etc/supervisor/supervisord.conf");
  }

  static CtlConfigFile read(String file, Map<String, String> environment) throws UsageException, ConfigFileException {
    String here = PyPath.dirname(PyPath.normalize(file));
    Path path = Path.of(file);
    if (!Files.exists(path)) {
      throw new UsageException("could not find config file " + file);
    }
    String text;
    try {
      text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new UsageException("could not read config file " + file);
    }
    Map<String, Map<String, String>> ini;
    try {
      ini = sections(ConfigParserLines.parse(text, file));
    } catch (PythonError e) {
      throw new ConfigFileException(e.getMessage());
    }
    if (!ini.containsKey(SECTION)) {
      throw new UsageException(".ini file does not include supervisorctl section");
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : environment.entrySet()) {
      env.put("ENV_" + e.getKey(), e.getValue());
    }
    Map<String, String> withHere = new LinkedHashMap<>(env);
    withHere.put("here", here);
    try {
      String serverurl = value(ini, "serverurl", CtlOptions.DEFAULT_SERVERURL, withHere);
      if (serverurl.startsWith("unix://")) {
        serverurl = "unix://" + PyPath.normalize(serverurl.substring(7));
      }
      String prompt = value(ini, "prompt", "supervisor", env);
      String username = value(ini, "username", null, env);
      String password = value(ini, "password", null, env);
      String history = value(ini, "history_file", null, withHere);
      String historyFile = history == null || history.isEmpty() ? null : PyPath.normalize(history);
      checkPlugins(ini);
      return new CtlConfigFile(serverurl, prompt, username, password, historyFile);
    } catch (PythonError e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** configparser's storage of the lines: sections (and {@code DEFAULT}) in first-seen order, later keys win. */
  static Map<String, Map<String, String>> sections(List<ConfigParserLines.Line> lines) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (ConfigParserLines.Line l : lines) {
      if (l.isHeader()) {
        current = sections.get(l.section());
        if (current == null) {
          current = new LinkedHashMap<>();
          sections.put(l.section(), current);
        }
      } else {
        current.put(l.key(), l.value());
      }
    }
    return sections;
  }

  /** The raw value of {@code key} in {@code section}, falling back to {@code [DEFAULT]}; null if absent. */
  static String get(Map<String, Map<String, String>> ini, String section, String key) {
    Map<String, String> own = ini.get(section);
    if (own != null && own.containsKey(key)) {
      return own.get(key);
    }
    Map<String, String> defaults = ini.get(DEFAULT);
    return defaults == null ? null : defaults.get(key);
  }

  private static String value(Map<String, Map<String, String>> ini, String key, String fallback,
      Map<String, String> expansions) throws PythonError {
    String raw = get(ini, SECTION, key);
    if (raw == null) {
      raw = fallback;
    }
    return raw == null ? null : PercentFormat.expand(raw, expansions, SECTION + "." + key);
  }

  /**
   * {@code [ctlplugin:x]} sections name Python factories, which cannot run here: their commands
   * stay unknown. A section without {@code supervisor.ctl_factory} is still the error Supervisor
   * reports.
   */
  private static void checkPlugins(Map<String, Map<String, String>> ini) throws UsageException {
    for (String section : ini.keySet()) {
      if (section.startsWith("ctlplugin:") && get(ini, section, "supervisor.ctl_factory") == null) {
        throw new UsageException("section [" + section + "] does not specify a supervisor.ctl_factory");
      }
    }
  }
}
