package dev.supervisor4j.daemon.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The line-level half of CPython's {@code RawConfigParser(inline_comment_prefixes=(';', '#'),
 * strict=False)}, which is what Supervisor reads its files with. ini4j on its own keeps inline
 * comments, knows no continuation lines, keeps key case and trims section names, so every line is
 * decided here and ini4j only receives pre-digested {@code [token]} and {@code |key| = |value|} lines
 * (see {@link #toIni4j}). The cost is that this class, not ini4j, is the real parser; ini4j stores and
 * merges what it produces.
 */
final class IniNormaliser {
  private IniNormaliser() {}

  /** A section header ({@code key == null}) or an option line with its joined value. */
  record Event(String section, String key, String value) {
    boolean isHeader() {
      return key == null;
    }
  }

  /** An option while its continuation lines are still being collected. */
  private static final class Pending {
    final String section;
    final String key;
    final List<String> lines = new ArrayList<>();

    Pending(String section, String key, String first) {
      this.section = section;
      this.key = key;
      lines.add(first);
    }
  }

  /**
   * Parses one file's text (newlines already translated to {@code \n}) into events in file order.
   *
   * @param source the file name as configparser reports it in errors
   */
  static List<Event> parse(String text, String source) throws ConfigException {
    List<Object> events = new ArrayList<>(); // Event headers and Pending options, in order
    List<String> errors = new ArrayList<>();
    String section = null;
    Pending option = null; // configparser's "optname": where continuation lines go
    int indentLevel = 0;
    int lineno = 0;
    for (String line : lines(text)) {
      lineno++;
      int commentStart = commentStart(line);
      String value = Py.strip(commentStart < 0 ? line : line.substring(0, commentStart));
      if (value.isEmpty()) {
        // A blank line is kept inside a value; rstrip at the end drops it if nothing follows.
        if (commentStart < 0 && section != null && option != null) {
          option.lines.add("");
        }
        continue;
      }
      int indent = firstNonSpace(line);
      if (section != null && option != null && indent > indentLevel) {
        option.lines.add(value);
        continue;
      }
      indentLevel = indent;
      String header = sectionHeader(value);
      if (header != null) {
        section = header;
        option = null;
        events.add(new Event(header, null, null));
      } else if (section == null) {
        throw new ConfigException("File contains no section headers.\nfile: " + Py.repr(source)
            + ", line: " + lineno + "\n" + Py.repr(line));
      } else {
        int delimiter = firstDelimiter(value);
        if (delimiter <= 0) {
          errors.add(String.format("\n\t[line %2d]: %s", lineno, Py.repr(line)));
          if (delimiter == 0) {
            option = null; // configparser sets an empty option name, which takes no continuations
          }
          continue;
        }
        option = new Pending(section, Py.lower(Py.rstrip(value.substring(0, delimiter))),
            Py.strip(value.substring(delimiter + 1)));
        events.add(option);
      }
    }
    if (!errors.isEmpty()) {
      throw new ConfigException("Source contains parsing errors: " + Py.repr(source)
          + String.join("", errors));
    }
    List<Event> result = new ArrayList<>(events.size());
    for (Object o : events) {
      if (o instanceof Pending) {
        Pending p = (Pending) o;
        result.add(new Event(p.section, p.key, Py.rstrip(String.join("\n", p.lines))));
      } else {
        result.add((Event) o);
      }
    }
    return result;
  }

  /**
   * Renders events as ini4j input. Section names become opaque tokens (ini4j trims them and treats
   * {@code /} as a path); keys and values are wrapped in {@code |} because ini4j trims values after
   * unescaping, and configparser values may start with a newline. Everything outside printable ASCII,
   * and the backslash, is escaped so ini4j's own unescaping restores it exactly.
   */
  static String toIni4j(List<Event> events, Function<String, String> sectionToken) {
    StringBuilder b = new StringBuilder();
    for (Event e : events) {
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

  /** Splits after each {@code \n}, keeping it, as iterating a Python text file does. */
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl + 1;
      lines.add(text.substring(start, end));
      start = end;
    }
    return lines;
  }

  /**
   * Where the comment starts, or -1. A whole-line comment starts at 0. Inline prefixes are searched
   * the way CPython does it: each round advances every prefix to its next occurrence and stops at the
   * first round where one of them follows whitespace, so {@code a#b #c ;d} is cut at {@code ;}.
   */
  static int commentStart(String line) {
    String stripped = Py.strip(line);
    if (stripped.startsWith("#") || stripped.startsWith(";")) {
      return 0;
    }
    int best = Integer.MAX_VALUE;
    int semi = -1;
    int hash = -1;
    boolean semiLive = true;
    boolean hashLive = true;
    while (best == Integer.MAX_VALUE && (semiLive || hashLive)) {
      if (semiLive) {
        semi = line.indexOf(';', semi + 1);
        semiLive = semi >= 0;
        if (semiLive && (semi == 0 || Py.isSpace(line.charAt(semi - 1)))) {
          best = Math.min(best, semi);
        }
      }
      if (hashLive) {
        hash = line.indexOf('#', hash + 1);
        hashLive = hash >= 0;
        if (hashLive && (hash == 0 || Py.isSpace(line.charAt(hash - 1)))) {
          best = Math.min(best, hash);
        }
      }
    }
    return best == Integer.MAX_VALUE ? -1 : best;
  }

  private static int firstNonSpace(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (!Py.isSpace(line.charAt(i))) {
        return i;
      }
    }
    return 0;
  }

  /** configparser's {@code \[(?P<header>.+)\]} matched at the start: first {@code [} to last {@code ]}. */
  private static String sectionHeader(String value) {
    if (!value.startsWith("[")) {
      return null;
    }
    int close = value.lastIndexOf(']');
    return close >= 2 ? value.substring(1, close) : null;
  }

  /** Index of the first {@code =} or {@code :}, or -1. */
  private static int firstDelimiter(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '=' || c == ':') {
        return i;
      }
    }
    return -1;
  }
}
