package dev.supervisor4j.daemon.config;

import dev.supervisor4j.protocol.python.ConfigParserLines;
import dev.supervisor4j.protocol.python.PythonError;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ini4j.Config;
import org.ini4j.Ini;
import org.ini4j.Profile;

/**
 * The parsed sections of a config file and its includes, with configparser's reading rules: sections
 * merge across files, a repeated key keeps the last value read, {@code [DEFAULT]} keys show through in
 * every section, and names are case-sensitive while keys are lower-cased.
 *
 * <p>The lines are read by protocol's {@link ConfigParserLines} (CPython configparser's line rules).
 * ini4j on its own keeps inline comments, knows no continuation lines, keeps key case and trims
 * section names, so it only receives those pre-digested lines as {@code [token]} and
 * {@code |key| = |value|} (see {@link #toIni4j}); the cost is that ini4j is merely the store, merging
 * what configparser's rules produced. ini4j 0.5.4 is that store. Only {@code get}/{@code getAll}/{@code put}
 * are ever called on it: its {@code fetch()}, {@code as()} and bean access evaluate {@code ${...}}
 * expressions and recurse without limit on {@code a=${s/b}}, {@code b=${s/a}} (CVE-2022-41404).
 */
final class IniFile {
  static final String DEFAULT = "DEFAULT";
  private static final String DEFAULT_TOKEN = "d";
  private static final String HERE = "%(here)s";

  private final Ini ini = new Ini();
  /** Real section name to ini4j section name, in first-seen order (configparser's section order). */
  private final Map<String, String> tokens = new LinkedHashMap<>();
  /** For sections first defined by an included file: that file, as Supervisor names it in errors. */
  private final Map<String, String> sectionToFile = new HashMap<>();

  IniFile() {
    Config config = new Config();
    config.setEscape(true); // the normaliser's escapes, not the file's: every backslash is doubled
    config.setEscapeNewline(false);
    config.setLowerCaseOption(true);
    config.setLowerCaseSection(false);
    config.setEmptyOption(true);
    config.setMultiOption(true);
    config.setMultiSection(false);
    config.setComment(false);
    config.setTree(false);
    config.setGlobalSection(false);
    ini.setConfig(config);
  }

  /** Reads the main file's text; parse errors name it as {@code source}. */
  void read(String text, String source) throws ConfigException {
    try {
      load(ConfigParserLines.parse(text, source));
    } catch (PythonError e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /**
   * Reads an included file. A file that cannot be opened is skipped silently, as configparser's
   * {@code read()} does; sections it introduces remember {@code name} for error messages.
   */
  void readIncluded(Path file, String name) throws ConfigException {
    String text;
    try {
      text = ConfigText.read(file);
    } catch (IOException e) {
      return;
    }
    Set<String> before = new HashSet<>(tokens.keySet());
    read(text, name);
    for (String section : tokens.keySet()) {
      if (!before.contains(section) && !DEFAULT.equals(section)) {
        sectionToFile.put(section, name);
      }
    }
  }

  private void load(List<ConfigParserLines.Line> events) {
    for (ConfigParserLines.Line e : events) {
      if (e.isHeader()) {
        tokens.computeIfAbsent(e.section(),
            s -> DEFAULT.equals(s) ? DEFAULT_TOKEN : "s" + tokens.size());
      }
    }
    try {
      ini.load(new StringReader(toIni4j(events, tokens::get)));
    } catch (IOException e) {
      throw new IllegalStateException("ini4j rejected normalised input", e);
    }
  }

  /** Section names in the order first seen, without {@code [DEFAULT]}. */
  List<String> sections() {
    List<String> out = new ArrayList<>(tokens.keySet());
    out.remove(DEFAULT);
    return out;
  }

  boolean hasSection(String section) {
    return !DEFAULT.equals(section) && tokens.containsKey(section);
  }

  /** The raw value, falling back to {@code [DEFAULT]}; null when neither has the key. */
  String get(String section, String key) {
    String own = rawGet(section, key);
    return own != null ? own : rawGet(DEFAULT, key);
  }

  boolean hasOption(String section, String key) {
    return get(section, key) != null;
  }

  /** The section's keys followed by the {@code [DEFAULT]} keys it does not override. */
  List<String> options(String section) {
    List<String> out = new ArrayList<>(ownKeys(section));
    for (String key : ownKeys(DEFAULT)) {
      if (!out.contains(key)) {
        out.add(key);
      }
    }
    return out;
  }

  /** Sets a value in a section, as configparser's {@code set()}. */
  void set(String section, String key, String value) {
    String token = tokens.get(section);
    Profile.Section s = ini.get(token);
    (s != null ? s : ini.add(token)).put(wrap(key), wrap(value));
  }

  /**
   * Replaces the literal text {@code %(here)s} in every value visible in every section, as Supervisor
   * does before reading includes and after each included file. Inherited {@code [DEFAULT]} values are
   * written into the sections that see them, exactly like the original.
   */
  void expandHere(String here) {
    for (String section : sections()) {
      for (String key : options(section)) {
        String value = get(section, key);
        if (value.contains(HERE)) {
          set(section, key, value.replace(HERE, here));
        }
      }
    }
  }

  /** The included file that first defined {@code section}, or null for the main file. */
  String fileOf(String section) {
    return sectionToFile.get(section);
  }

  private String rawGet(String section, String key) {
    String token = tokens.get(section);
    Profile.Section s = token == null ? null : ini.get(token);
    String v = s == null ? null : s.get(wrap(key));
    return v == null ? null : unwrap(v);
  }

  private List<String> ownKeys(String section) {
    String token = tokens.get(section);
    Profile.Section s = token == null ? null : ini.get(token);
    List<String> keys = new ArrayList<>();
    if (s != null) {
      for (String k : s.keySet()) {
        keys.add(unwrap(k));
      }
    }
    return keys;
  }

  private static String wrap(String s) {
    return "|" + s + "|";
  }

  private static String unwrap(String s) {
    return s.substring(1, s.length() - 1);
  }

  /**
   * Renders lines as ini4j input. Section names become opaque tokens (ini4j trims them and treats
   * {@code /} as a path); keys and values are wrapped in {@code |} because ini4j trims values after
   * unescaping, and configparser values may start with a newline. Everything outside printable ASCII,
   * and the backslash, is escaped so ini4j's own unescaping restores it exactly.
   */
  static String toIni4j(List<ConfigParserLines.Line> lines, Function<String, String> sectionToken) {
    StringBuilder b = new StringBuilder();
    for (ConfigParserLines.Line e : lines) {
      if (e.isHeader()) {
        b.append('[').append(sectionToken.apply(e.section())).append("]\n");
      } else {
        b.append('|').append(escape(e.key())).append("| = |").append(escape(e.value())).append("|\n");
      }
    }
    return b.toString();
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        b.append("\\\\");
      } else if (c < 0x20 || c > 0x7e || c == '"') {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
