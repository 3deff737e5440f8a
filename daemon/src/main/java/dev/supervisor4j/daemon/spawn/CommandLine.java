package dev.supervisor4j.daemon.spawn;

import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.python.PyRepr;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code command=} value into argv the way supervisord does, i.e. like Python's
 * {@code shlex.split(command)} in POSIX mode: whitespace is space, tab, CR and LF; single quotes
 * keep everything literally; inside double quotes a backslash escapes only {@code "} and
 * {@code \}; outside quotes a backslash escapes any character (a newline too). {@code #} is not a
 * comment, and there is no {@code $VAR} expansion and no globbing. {@code ''} is an empty argument.
 */
public final class CommandLine {
  private static final String WHITESPACE = " \t\r\n";

  private CommandLine() {}

  /**
   * supervisord's parse step: the tokens, never empty.
   *
   * @throws SpawnException NOT_EXECUTABLE with {@code can't parse command '<cmd>': <reason>} or
   *     {@code command is empty}, the spawnerr texts of supervisord
   */
  public static List<String> parse(String command) throws SpawnException {
    List<String> argv;
    try {
      argv = split(command);
    } catch (IllegalArgumentException e) {
      throw new SpawnException(
          Fault.NOT_EXECUTABLE,
          "can't parse command " + PyRepr.of(command) + ": " + e.getMessage());
    }
    if (argv.isEmpty()) {
      throw new SpawnException(Fault.NOT_EXECUTABLE, "command is empty");
    }
    return argv;
  }

  /**
   * The shlex tokens of {@code command}, possibly none.
   *
   * @throws IllegalArgumentException with shlex's reason: {@code No closing quotation} or
   *     {@code No escaped character}
   */
  public static List<String> split(String command) {
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    boolean inToken = false; // true once a character or a pair of quotes belongs to the token
    int i = 0;
    int n = command.length();
    while (i < n) {
      char c = command.charAt(i++);
      if (WHITESPACE.indexOf(c) >= 0) {
        if (inToken) {
          tokens.add(token.toString());
          token.setLength(0);
          inToken = false;
        }
      } else if (c == '\\') {
        if (i == n) {
          throw new IllegalArgumentException("No escaped character");
        }
        token.append(command.charAt(i++));
        inToken = true;
      } else if (c == '\'') {
        int close = command.indexOf('\'', i);
        if (close < 0) {
          throw new IllegalArgumentException("No closing quotation");
        }
        token.append(command, i, close);
        i = close + 1;
        inToken = true;
      } else if (c == '"') {
        i = readDoubleQuoted(command, i, token);
        inToken = true;
      } else {
        token.append(c);
        inToken = true;
      }
    }
    if (inToken) {
      tokens.add(token.toString());
    }
    return tokens;
  }

  /** Appends the body of a double-quoted part starting at {@code i}; returns the index after it. */
  private static int readDoubleQuoted(String command, int i, StringBuilder token) {
    int n = command.length();
    while (i < n) {
      char c = command.charAt(i++);
      if (c == '"') {
        return i;
      }
      if (c == '\\') {
        if (i == n) {
          // shlex reports the dangling escape before the missing quote.
          throw new IllegalArgumentException("No escaped character");
        }
        char next = command.charAt(i++);
        if (next != '"' && next != '\\') {
          token.append('\\'); // POSIX: inside "..." only the quote and the backslash are escapable
        }
        token.append(next);
      } else {
        token.append(c);
      }
    }
    throw new IllegalArgumentException("No closing quotation");
  }
}
