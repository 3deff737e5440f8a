package dev.supervisor4j.daemon.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code environment=KEY="val",KEY2=val2}: Python's non-POSIX {@code shlex} tokens, consumed four at a
 * time as key, {@code =}, value and a separator that is discarded whatever it is. The quirks are
 * Supervisor's and are kept on purpose: {@code A=a b} silently yields {@code A=a}, {@code A=~/x}
 * yields {@code A=~}, and a {@code #} inside a word skips to the end of the line but keeps the word
 * going.
 */
final class KeyValuePairs {
  private KeyValuePairs() {}

  private static final String WORD_PUNCTUATION = "_/.+-():";

  /** Parses the pairs; later duplicates win. */
  static Map<String, String> parse(String arg) throws ConfigException {
    List<String> tokens = tokens(arg);
    Map<String, String> pairs = new LinkedHashMap<>();
    for (int i = 0; i < tokens.size(); i += 4) {
      if (i + 2 >= tokens.size() || !"=".equals(tokens.get(i + 1))) {
        throw new ConfigException("Unexpected end of key/value pairs in value '" + arg + "'");
      }
      pairs.put(tokens.get(i), stripQuotes(tokens.get(i + 2)));
    }
    return pairs;
  }

  /** {@code shlex.shlex(arg)} with {@code /.+-():} added to the word characters. */
  static List<String> tokens(String arg) throws ConfigException {
    int[] in = arg.codePoints().toArray();
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < in.length) {
      int c = in[i++];
      if (isBlank(c)) {
        continue;
      }
      if (c == '#') {
        i = afterLine(in, i);
      } else if (c == '\'' || c == '"') {
        StringBuilder t = new StringBuilder().appendCodePoint(c);
        while (true) {
          if (i >= in.length) {
            throw new ConfigException("No closing quotation");
          }
          int q = in[i++];
          t.appendCodePoint(q);
          if (q == c) {
            break;
          }
        }
        tokens.add(t.toString());
      } else if (isWordChar(c)) {
        StringBuilder t = new StringBuilder().appendCodePoint(c);
        while (i < in.length) {
          int w = in[i];
          if (isBlank(w)) {
            break;
          } else if (w == '#') {
            i = afterLine(in, i + 1); // non-POSIX shlex: the comment ends the line, not the word
          } else if (isWordChar(w) || w == '\'' || w == '"') {
            t.appendCodePoint(w);
            i++;
          } else {
            break; // any other character becomes a token of its own
          }
        }
        tokens.add(t.toString());
      } else {
        tokens.add(new String(Character.toChars(c)));
      }
    }
    return tokens;
  }

  private static int afterLine(int[] in, int i) {
    while (i < in.length && in[i] != '\n') {
      i++;
    }
    return Math.min(i + 1, in.length);
  }

  private static boolean isBlank(int c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isWordChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || (c < 0x80 && WORD_PUNCTUATION.indexOf(c) >= 0);
  }

  /** Python's {@code s.strip('\'"')}. */
  private static String stripQuotes(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (s.charAt(start) == '\'' || s.charAt(start) == '"')) {
      start++;
    }
    while (end > start && (s.charAt(end - 1) == '\'' || s.charAt(end - 1) == '"')) {
      end--;
    }
    return s.substring(start, end);
  }
}
