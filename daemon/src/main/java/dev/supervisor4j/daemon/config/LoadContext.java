package dev.supervisor4j.daemon.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * State shared by the section parsers during one load: the parsed file, the names every option may
 * expand, and the messages collected for the main log.
 *
 * <p>{@link #envExpansions} is deliberately one mutable map, as in Supervisor: it starts as
 * {@code ENV_*} of the daemon's environment and grows with {@code [supervisord] environment}, and
 * options read later see the additions.
 */
final class LoadContext {
  final IniFile ini;
  /** The {@code -c} argument as typed: the file Supervisor names in errors for main-file sections. */
  final String configFileAsTyped;
  /** The absolute directory of the main config file. */
  final String here;
  final String hostNodeName;
  final Map<String, Object> envExpansions;
  final PyPaths paths;
  final Users users;
  final List<String> warnings = new ArrayList<>();
  final List<String> infos = new ArrayList<>();

  LoadContext(IniFile ini, String configFileAsTyped, String here, String hostNodeName,
      Map<String, String> environment, PyPaths paths, Users users) {
    this.ini = ini;
    this.configFileAsTyped = configFileAsTyped;
    this.here = here;
    this.hostNodeName = hostNodeName;
    this.paths = paths;
    this.users = users;
    this.envExpansions = new LinkedHashMap<>();
    environment.forEach((k, v) -> envExpansions.put("ENV_" + k, v));
  }

  /**
   * Supervisor's {@code saneget}: the value (or {@code dflt} when absent; null stays null), expanded
   * against the {@code ENV_*} names plus {@code extra}, with the label {@code section.option}.
   */
  String get(String section, String option, String dflt, Map<String, ?> extra) throws ConfigException {
    String raw = ini.get(section, option);
    if (raw == null) {
      if (dflt == null) {
        return null;
      }
      raw = dflt;
    }
    Map<String, Object> names = new LinkedHashMap<>(envExpansions);
    names.putAll(extra);
    return Expansions.expand(raw, names, section + "." + option);
  }

  /** {@link #get} with only {@code here} besides {@code ENV_*}. */
  String getWithHere(String section, String option, String dflt) throws ConfigException {
    return get(section, option, dflt, Map.of("here", here));
  }

  /** {@link #get} with {@code ENV_*} only. */
  String getEnvOnly(String section, String option, String dflt) throws ConfigException {
    return get(section, option, dflt, Map.of());
  }

  /** The value without expansion, or {@code dflt}. */
  String getRaw(String section, String option, String dflt) {
    String raw = ini.get(section, option);
    return raw == null ? dflt : raw;
  }

  /** Supervisor's {@code existing_directory}: {@code ~} expanded; the directory must exist. */
  String existingDirectory(String value) throws ConfigException {
    String expanded = paths.expandUser(value);
    if (paths.isDirectory(expanded)) {
      return expanded;
    }
    throw new ConfigException(value + " is not an existing directory");
  }

  /** Supervisor's {@code existing_dirpath}: {@code ~} expanded; the parent directory must exist. */
  String existingDirpath(String value) throws ConfigException {
    String expanded = paths.expandUser(value);
    String dir = PyPaths.dirname(expanded);
    if (dir.isEmpty() || paths.isDirectory(dir)) {
      return expanded;
    }
    throw new ConfigException("The directory named as part of the path " + value + " does not exist");
  }

  /** The file Supervisor names for a section: the include that defined it, else the -c argument. */
  String fileOf(String section) {
    String file = ini.fileOf(section);
    return file != null ? file : configFileAsTyped;
  }
}
