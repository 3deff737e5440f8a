package dev.supervisor4j.ctl.options;

import dev.supervisor4j.ctl.compat.PyStr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small reader for the INI dialect supervisorctl reads its {@code [supervisorctl]} section with:
 * CPython's {@code RawConfigParser(inline_comment_prefixes=(';', '#'), strict=False)}. Kept
 * separate from the daemon's config loader on purpose: ctl must not depend on the daemon module,
 * and it needs only sections, keys and raw values.
 *
 * <p>Rules copied from configparser because they change values: full-line comments start with
 * {@code ;} or {@code #}; an inline comment needs whitespace before its prefix (and the prefixes
 * are searched the way configparser does, one occurrence of each per round); a line indented
 * more than its key continues the value, blank lines inside a value are kept and trailing ones
 * dropped; keys are lower-cased; duplicate sections merge and later keys win; {@code [DEFAULT]}
 * supplies values to every section.
 */
final class IniReader {
  /** A file configparser refuses (it raises and Python prints a traceback). */
  static final class SyntaxException extends Exception {
    SyntaxException(String message) {
      super(message, null, false, false);
    }
  }

  private final Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
  private final Map<String, List<String>> defaults = new LinkedHashMap<>();

  private IniReader() {}

  /** Parses {@code text}; {@code source} names the file in error messages, as configparser does. */
  static IniReader parse(String text, String source) throws SyntaxException {
    IniReader ini = new IniReader();
    ini.read(text, source);
    return ini;
  }

  /** The section names in file order, without {@code DEFAULT}. */
  List<String> sections() {
    return new ArrayList<>(sections.keySet());
  }

  boolean hasSection(String name) {
    return sections.containsKey(name);
  }

  /** The raw value of {@code key} in {@code section}, falling back to {@code [DEFAULT]}; null if absent. */
  String get(String section, String key) {
    Map<String, List<String>> s = sections.get(section);
    String k = key.toLowerCase(Locale.ROOT);
    List<String> v = s == null ? null : s.get(k);
    if (v == null && (s == null || !s.containsKey(k))) {
      v = defaults.get(k);
    }
    return v == null ? null : joined(v);
  }

  /** The keys of a section, its own first, then those it inherits from {@code [DEFAULT]}. */
  List<String> keys(String section) {
    List<String> keys = new ArrayList<>(sections.get(section).keySet());
    for (String k : defaults.keySet()) {
      if (!keys.contains(k)) {
        keys.add(k);
      }
    }
    return keys;
  }

  private static String joined(List<String> parts) {
    String s = String.join("\n", parts);
    int e = s.length();
    while (e > 0 && PyStr.isSpace(s.charAt(e - 1))) {
      e--;
    }
    return s.substring(0, e);
  }

  private void read(String text, String source) throws SyntaxException {
    Map<String, List<String>> cursect = null;
    String optname = null;
    int indentLevel = 0;
    StringBuilder errors = null;
    int lineno = 0;
    for (String line : lines(text)) {
      lineno++;
      int commentStart = inlineCommentStart(line);
      String stripped = PyStr.strip(line);
      if (stripped.startsWith(";") || stripped.startsWith("#")) {
        commentStart = 0;
      }
      String value = PyStr.strip(commentStart < 0 ? line : line.substring(0, commentStart));
      if (value.isEmpty()) {
        // configparser keeps a blank line inside a value, unless the line held a comment.
        if (commentStart < 0 && cursect != null && optname != null && cursect.get(optname) != null) {
          cursect.get(optname).add("");
        }
        continue;
      }
      int curIndent = 0;
      while (curIndent < line.length() && PyStr.isSpace(line.charAt(curIndent))) {
        curIndent++;
      }
      if (curIndent == line.length()) {
        curIndent = 0;
      }
      if (cursect != null && optname != null && curIndent > indentLevel) {
        cursect.get(optname).add(value);
        continue;
      }
      indentLevel = curIndent;
      int close = value.lastIndexOf(']');
      if (value.startsWith("[") && close > 1) {
        String name = value.substring(1, close);
        if (name.equals("DEFAULT")) {
          cursect = defaults;
        } else {
          cursect = sections.get(name);
          if (cursect == null) {
            cursect = new LinkedHashMap<>();
            sections.put(name, cursect);
          }
        }
        optname = null;
      } else if (cursect == null) {
        throw new SyntaxException("File contains no section headers.\nfile: " + PyStr.repr(source)
            + ", line: " + lineno + "\n" + PyStr.repr(line));
      } else {
        int delim = firstDelimiter(value);
        String key = delim < 0 ? "" : PyStr.strip(value.substring(0, delim));
        if (key.isEmpty()) {
          if (errors == null) {
            errors = new StringBuilder("Source contains parsing errors: ").append(PyStr.repr(source));
          }
          errors.append("\n\t[line ").append(lineno < 10 ? " " : "").append(lineno).append("]: ")
              .append(PyStr.repr(line));
          continue;
        }
        optname = key.toLowerCase(Locale.ROOT);
        List<String> parts = new ArrayList<>();
        parts.add(PyStr.strip(value.substring(delim + 1)));
        cursect.put(optname, parts);
      }
    }
    if (errors != null) {
      throw new SyntaxException(errors.toString());
    }
  }

  private static int firstDelimiter(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '=' || c == ':') {
        return i;
      }
    }
    return -1;
  }

  /**
   * configparser's inline-comment search: each round looks at the next occurrence of every
   * prefix, and the first round that finds one preceded by whitespace decides.
   */
  private static int inlineCommentStart(String line) {
    int semi = -1;
    int hash = -1;
    boolean semiLive = true;
    boolean hashLive = true;
    int found = Integer.MAX_VALUE;
    while (found == Integer.MAX_VALUE && (semiLive || hashLive)) {
      if (semiLive) {
        semi = line.indexOf(';', semi + 1);
        if (semi < 0) {
          semiLive = false;
        } else if (semi == 0 || PyStr.isSpace(line.charAt(semi - 1))) {
          found = Math.min(found, semi);
        }
      }
      if (hashLive) {
        hash = line.indexOf('#', hash + 1);
        if (hash < 0) {
          hashLive = false;
        } else if (hash == 0 || PyStr.isSpace(line.charAt(hash - 1))) {
          found = Math.min(found, hash);
        }
      }
    }
    return found == Integer.MAX_VALUE ? -1 : found;
  }

  /** Universal newlines: each line keeps its {@code \n} (as Python's text mode yields them). */
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i) + "\n");
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < n) {
      lines.add(text.substring(start));
    }
    return lines;
  }
}
