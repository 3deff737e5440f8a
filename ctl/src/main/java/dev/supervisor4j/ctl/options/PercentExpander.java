package dev.supervisor4j.ctl.options;

import dev.supervisor4j.ctl.compat.PyStr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Supervisor's {@code expand(s, expansions, name)}: Python's {@code s % expansions} on the
 * {@code [supervisorctl]} values, with its two error messages. Supports what configs use:
 * {@code %%}, and {@code %(name)s} with optional flags, width and precision ({@code r} and
 * {@code a} print the repr). A bare {@code %s} without a name is reported as badly formatted
 * (Python would print the whole expansion dictionary there).
 */
final class PercentExpander {
  /** What Supervisor raises as ValueError; supervisorctl shows it as a usage error. */
  static final class ExpansionException extends Exception {
    ExpansionException(String message) {
      super(message, null, false, false);
    }
  }

  private PercentExpander() {}

  static String expand(String s, Map<String, String> expansions, String name) throws ExpansionException {
    StringBuilder out = new StringBuilder(s.length());
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      int start = i;
      i++;
      if (i >= n) {
        throw bad(s, name, "incomplete format");
      }
      String key = null;
      if (s.charAt(i) == '(') {
        int depth = 1;
        int k = i + 1;
        while (k < n && depth > 0) {
          if (s.charAt(k) == '(') {
            depth++;
          } else if (s.charAt(k) == ')') {
            depth--;
          }
          k++;
        }
        if (depth > 0) {
          throw bad(s, name, "incomplete format key");
        }
        key = s.substring(i + 1, k - 1);
        i = k;
      }
      boolean left = false;
      while (i < n && "-+ #0".indexOf(s.charAt(i)) >= 0) {
        left |= s.charAt(i) == '-';
        i++;
      }
      int width = 0;
      while (i < n && Character.isDigit(s.charAt(i))) {
        width = width * 10 + (s.charAt(i) - '0');
        i++;
      }
      int precision = -1;
      if (i < n && s.charAt(i) == '.') {
        i++;
        precision = 0;
        while (i < n && Character.isDigit(s.charAt(i))) {
          precision = precision * 10 + (s.charAt(i) - '0');
          i++;
        }
      }
      while (i < n && "hlL".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      if (i >= n) {
        throw bad(s, name, "incomplete format");
      }
      char conv = s.charAt(i);
      i++;
      if (conv == '%' && key == null && i - start == 2) {
        out.append('%');
        continue;
      }
      if (key == null) {
        throw bad(s, name, "format requires a mapping");
      }
      String value = expansions.get(key);
      if (value == null) {
        List<String> names = new ArrayList<>(expansions.keySet());
        Collections.sort(names);
        throw new ExpansionException("Format string " + PyStr.repr(s) + " for " + PyStr.repr(name)
            + " contains names (" + PyStr.repr(key) + ") which cannot be expanded. Available names: "
            + String.join(", ", names));
      }
      String text;
      switch (conv) {
        case 's':
          text = value;
          break;
        case 'r':
        case 'a':
          text = PyStr.repr(value);
          break;
        case 'd':
        case 'i':
        case 'u':
          throw bad(s, name, "%" + conv + " format: a real number is required, not str");
        case 'o':
        case 'x':
        case 'X':
          throw bad(s, name, "%" + conv + " format: an integer is required, not str");
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
          throw bad(s, name, "must be real number, not str");
        case 'c':
          throw bad(s, name, "%c requires int or char");
        default:
          throw bad(s, name, "unsupported format character " + PyStr.repr(String.valueOf(conv)) + " (0x"
              + Integer.toHexString(conv) + ") at index " + (i - 1));
      }
      if (precision >= 0 && text.length() > precision) {
        text = text.substring(0, precision);
      }
      StringBuilder pad = new StringBuilder();
      for (int p = text.length(); p < width; p++) {
        pad.append(' ');
      }
      if (left) {
        out.append(text).append(pad);
      } else {
        out.append(pad).append(text);
      }
    }
    return out.toString();
  }

  private static ExpansionException bad(String s, String name, String why) {
    return new ExpansionException("Format string " + PyStr.repr(s) + " for " + PyStr.repr(name)
        + " is badly formatted: " + why);
  }
}
