package dev.supervisor4j.protocol.python;

import java.util.ArrayList;
import java.util.List;

/**
 * The line rules of CPython's {@code RawConfigParser(inline_comment_prefixes=(';', '#'),
 * strict=False)}, which Supervisor reads {@code supervisord.conf} with (both the daemon and
 * {@code supervisorctl}). They change values, so they are reproduced exactly: full-line comments
 * start with {@code ;} or {@code #}; an inline comment needs whitespace before its prefix (searched
 * the way configparser does, one occurrence of each prefix per round); a line indented more than its
 * key continues the value, blank lines inside a value are kept and trailing ones dropped; keys are
 * lower-cased; a header runs from the first {@code [} to the last {@code ]}.
 *
 * <p>The result is the file's headers and options in order, as read; storing them (duplicate
 * sections merge, later keys win, {@code [DEFAULT]} shows through) is the caller's.
 */
public final class ConfigParserLines {
  private ConfigParserLines() {}

  /** A section header ({@code key == null}) or an option with its joined value. */
  public record Line(String section, String key, String value) {
    public boolean isHeader() {
      return key == null;
    }
  }

  /**
   * Parses one file's text (universal newlines: {@code \r\n} and {@code \r} end lines too).
   *
   * @param source the file name as configparser reports it in errors
   * @throws PythonError configparser's {@code MissingSectionHeaderError} or {@code ParsingError}
   */
  public static List<Line> parse(String text, String source) throws PythonError {
    List<Line> out = new ArrayList<>();
    List<List<String>> values = new ArrayList<>(); // parts of each option's value, by index in out
    StringBuilder errors = null;
    String section = null;
    List<String> option = null; // configparser's "optname": where continuation lines go
    int indentLevel = 0;
    int lineno = 0;
    for (String line : lines(text)) {
      lineno++;
      int commentStart = commentStart(line);
      String value = PyStr.strip(commentStart < 0 ? line : line.substring(0, commentStart));
      if (value.isEmpty()) {
        // A blank line is kept inside a value (the final rstrip drops trailing ones), unless it held a comment.
        if (commentStart < 0 && section != null && option != null) {
          option.add("");
        }
        continue;
      }
      int indent = firstNonSpace(line);
      if (section != null && option != null && indent > indentLevel) {
        option.add(value);
        continue;
      }
      indentLevel = indent;
      int close = value.lastIndexOf(']');
      if (value.startsWith("[") && close >= 2) {
        section = value.substring(1, close);
        option = null;
        out.add(new Line(section, null, null));
        values.add(null);
      } else if (section == null) {
        throw new PythonError("MissingSectionHeaderError", "File contains no section headers.\nfile: "
            + PyRepr.of(source) + ", line: " + lineno + "\n" + PyRepr.of(line));
      } else {
        int delimiter = firstDelimiter(value);
        if (delimiter <= 0) {
          if (errors == null) {
            errors = new StringBuilder("Source contains parsing errors: ").append(PyRepr.of(source));
          }
          errors.append("\n\t[line ").append(lineno < 10 ? " " : "").append(lineno).append("]: ")
              .append(PyRepr.of(line));
          if (delimiter == 0) {
            option = null; // configparser sets an empty option name, which takes no continuations
          }
          continue;
        }
        option = new ArrayList<>();
        option.add(PyStr.strip(value.substring(delimiter + 1)));
        out.add(new Line(section, PyStr.lower(PyStr.rstrip(value.substring(0, delimiter))), null));
        values.add(option);
      }
    }
    if (errors != null) {
      throw new PythonError("ParsingError", errors.toString());
    }
    for (int i = 0; i < out.size(); i++) {
      List<String> parts = values.get(i);
      if (parts != null) {
        Line l = out.get(i);
        out.set(i, new Line(l.section(), l.key(), PyStr.rstrip(String.join("\n", parts))));
      }
    }
    return out;
  }

  /**
   * Where the comment starts, or -1. A whole-line comment starts at 0. Inline prefixes are searched
   * the way CPython does it: each round advances every prefix to its next occurrence and stops at the
   * first round where one of them follows whitespace, so {@code a#b #c ;d} is cut at {@code ;d}.
   */
  static int commentStart(String line) {
    String stripped = PyStr.strip(line);
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
        if (semiLive && (semi == 0 || PyStr.isSpace(line.charAt(semi - 1)))) {
          best = Math.min(best, semi);
        }
      }
      if (hashLive) {
        hash = line.indexOf('#', hash + 1);
        hashLive = hash >= 0;
        if (hashLive && (hash == 0 || PyStr.isSpace(line.charAt(hash - 1)))) {
          best = Math.min(best, hash);
        }
      }
    }
    return best == Integer.MAX_VALUE ? -1 : best;
  }

  private static int firstNonSpace(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (!PyStr.isSpace(line.charAt(i))) {
        return i;
      }
    }
    return 0;
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

  /** Universal newlines: each line keeps its {@code \n}, as iterating a Python text file yields them. */
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
