package dev.supervisor4j.protocol.python;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code getopt.getopt} (not {@code gnu_getopt}), whose rules and messages supervisord and
 * supervisorctl show: options stop at the first non-option word (so {@code supervisorctl status -c x}
 * passes {@code -c x} to the command), {@code --} ends them, long options may be abbreviated to a
 * unique prefix and take their value after {@code =} or as the next word, short options cluster
 * ({@code -ic f}) and take an attached value ({@code -cFILE}). Errors are {@code GetoptError}s.
 */
public final class Getopt {
  /** One parsed option: {@code -c} or the full long name {@code --configuration}, and its value ({@code ""} if none). */
  public record Opt(String name, String value) {}

  /** Options in order, then the remaining arguments. */
  public record Result(List<Opt> opts, List<String> args) {}

  private Getopt() {}

  /**
   * @param shortopts as in Python: letters, each followed by {@code :} when it takes a value
   * @param longopts  names, each ending in {@code =} when it takes a value
   */
  public static Result parse(List<String> argv, String shortopts, List<String> longopts) throws PythonError {
    List<Opt> opts = new ArrayList<>();
    int i = 0;
    while (i < argv.size() && argv.get(i).startsWith("-") && !argv.get(i).equals("-")) {
      String a = argv.get(i);
      i++;
      if (a.equals("--")) {
        break;
      }
      if (a.startsWith("--")) {
        i = longOption(opts, a.substring(2), longopts, argv, i);
      } else {
        i = shortOptions(opts, a.substring(1), shortopts, argv, i);
      }
    }
    return new Result(opts, new ArrayList<>(argv.subList(i, argv.size())));
  }

  private static int longOption(List<Opt> opts, String opt, List<String> longopts, List<String> argv, int next)
      throws PythonError {
    String optarg = null;
    int eq = opt.indexOf('=');
    if (eq >= 0) {
      optarg = opt.substring(eq + 1);
      opt = opt.substring(0, eq);
    }
    List<String> possibilities = new ArrayList<>();
    for (String o : longopts) {
      if (o.startsWith(opt)) {
        possibilities.add(o);
      }
    }
    if (possibilities.isEmpty()) {
      throw error("option --" + opt + " not recognized");
    }
    boolean hasArg;
    String full;
    if (possibilities.contains(opt)) {
      hasArg = false;
      full = opt;
    } else if (possibilities.contains(opt + "=")) {
      hasArg = true;
      full = opt;
    } else {
      if (possibilities.size() > 1) {
        throw error("option --" + opt + " not a unique prefix");
      }
      full = possibilities.get(0);
      hasArg = full.endsWith("=");
      if (hasArg) {
        full = full.substring(0, full.length() - 1);
      }
    }
    if (hasArg) {
      if (optarg == null) {
        if (next >= argv.size()) {
          throw error("option --" + full + " requires argument");
        }
        optarg = argv.get(next);
        next++;
      }
    } else if (optarg != null) {
      throw error("option --" + full + " must not have an argument");
    }
    opts.add(new Opt("--" + full, optarg == null ? "" : optarg));
    return next;
  }

  private static int shortOptions(List<Opt> opts, String optstring, String shortopts, List<String> argv, int next)
      throws PythonError {
    while (!optstring.isEmpty()) {
      char opt = optstring.charAt(0);
      optstring = optstring.substring(1);
      String optarg;
      if (shortHasArg(opt, shortopts)) {
        if (optstring.isEmpty()) {
          if (next >= argv.size()) {
            throw error("option -" + opt + " requires argument");
          }
          optstring = argv.get(next);
          next++;
        }
        optarg = optstring;
        optstring = "";
      } else {
        optarg = "";
      }
      opts.add(new Opt("-" + opt, optarg));
    }
    return next;
  }

  private static boolean shortHasArg(char opt, String shortopts) throws PythonError {
    for (int i = 0; i < shortopts.length(); i++) {
      if (opt == shortopts.charAt(i) && opt != ':') {
        return i + 1 < shortopts.length() && shortopts.charAt(i + 1) == ':';
      }
    }
    throw error("option -" + opt + " not recognized");
  }

  private static PythonError error(String message) {
    return new PythonError("GetoptError", message);
  }
}
