package dev.supervisor4j.daemon.spawn;

/**
 * Python's {@code repr()} of a str, because supervisord formats spawn errors with {@code %r}: a
 * command {@code it's} appears as {@code "it's"}, a tab as {@code \t}. Printable non-ASCII text is
 * kept as it is, as Python 3 does.
 */
final class PyRepr {
  private PyRepr() {}

  static String of(String s) {
    // Python prefers single quotes and switches to double quotes only when that avoids escaping.
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
    s.codePoints().forEach(cp -> append(out, cp, quote));
    return out.append(quote).toString();
  }

  private static void append(StringBuilder out, int cp, char quote) {
    switch (cp) {
      case '\\' -> out.append("\\\\");
      case '\t' -> out.append("\\t");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      default -> {
        if (cp == quote) {
          out.append('\\').append(quote);
        } else if (isPrintable(cp)) {
          out.appendCodePoint(cp);
        } else if (cp < 0x100) {
          out.append(String.format("\\x%02x", cp));
        } else if (cp < 0x10000) {
          out.append(String.format("\\u%04x", cp));
        } else {
          out.append(String.format("\\U%08x", cp));
        }
      }
    }
  }

  /** Python's str.isprintable() for one code point: not Other (C*) nor Separator (Z*) but space. */
  private static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
          Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }
}
