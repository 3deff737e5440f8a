package dev.supervisor4j.daemon.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Python-{@code getopt}-style parsing, because supervisord's error texts and its acceptance rules
 * (clustered short flags, {@code -cFILE}, unique long prefixes, stopping at the first non-option)
 * come from there.
 */
final class Getopt {
  /** One parsed option: the flag as Python would name it ({@code -c} or {@code --configuration}). */
  record Opt(String flag, String value) {}

  record Result(List<Opt> options, List<String> positional) {}

  private Getopt() {}

  /**
   * @param shortSpec short options, a letter followed by {@code :} when it takes an argument
   * @param longSpec  long option names, each ending in {@code =} when it takes an argument
   */
  static Result parse(List<String> args, String shortSpec, List<String> longSpec) throws UsageException {
    List<Opt> opts = new ArrayList<>();
    int i = 0;
    while (i < args.size()) {
      String a = args.get(i);
      if (a.equals("--")) {
        i++;
        break;
      }
      if (a.startsWith("--")) {
        i = parseLong(args, i, longSpec, opts);
      } else if (a.startsWith("-") && a.length() > 1) {
        i = parseShort(args, i, shortSpec, opts);
      } else {
        break;
      }
    }
    return new Result(opts, List.copyOf(args.subList(i, args.size())));
  }

  private static int parseLong(List<String> args, int i, List<String> longSpec, List<Opt> out)
      throws UsageException {
    String body = args.get(i).substring(2);
    String name = body;
    String value = null;
    int eq = body.indexOf('=');
    if (eq >= 0) {
      name = body.substring(0, eq);
      value = body.substring(eq + 1);
    }
    String match = resolveLong(name, longSpec);
    boolean takesArg = match.endsWith("=");
    String full = takesArg ? match.substring(0, match.length() - 1) : match;
    if (takesArg) {
      if (value == null) {
        if (i + 1 >= args.size()) {
          throw new UsageException("option --" + full + " requires argument");
        }
        value = args.get(++i);
      }
    } else if (value != null) {
      throw new UsageException("option --" + full + " must not have an argument");
    }
    out.add(new Opt("--" + full, value == null ? "" : value));
    return i + 1;
  }

  private static String resolveLong(String name, List<String> longSpec) throws UsageException {
    List<String> candidates = new ArrayList<>();
    for (String spec : longSpec) {
      String bare = spec.endsWith("=") ? spec.substring(0, spec.length() - 1) : spec;
      if (bare.equals(name)) {
        return spec;
      }
      if (bare.startsWith(name)) {
        candidates.add(spec);
      }
    }
    if (candidates.isEmpty()) {
      throw new UsageException("option --" + name + " not recognized");
    }
    if (candidates.size() > 1) {
      throw new UsageException("option --" + name + " not a unique prefix");
    }
    return candidates.get(0);
  }

  private static int parseShort(List<String> args, int i, String shortSpec, List<Opt> out)
      throws UsageException {
    String cluster = args.get(i).substring(1);
    for (int k = 0; k < cluster.length(); k++) {
      char c = cluster.charAt(k);
      int at = shortSpec.indexOf(c);
      if (c == ':' || at < 0) {
        throw new UsageException("option -" + c + " not recognized");
      }
      boolean takesArg = at + 1 < shortSpec.length() && shortSpec.charAt(at + 1) == ':';
      if (!takesArg) {
        out.add(new Opt("-" + c, ""));
        continue;
      }
      String value = cluster.substring(k + 1);
      if (value.isEmpty()) {
        if (i + 1 >= args.size()) {
          throw new UsageException("option -" + c + " requires argument");
        }
        value = args.get(++i);
      }
      out.add(new Opt("-" + c, value));
      return i + 1;
    }
    return i + 1;
  }
}
