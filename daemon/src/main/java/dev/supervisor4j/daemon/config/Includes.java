package dev.supervisor4j.daemon.config;

import dev.supervisor4j.protocol.python.PyStr;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code [include] files}: expanded with {@code here}, {@code host_node_name} and {@code ENV_*}, split
 * on whitespace, each pattern joined to the main file's directory and globbed, matches read in sorted
 * order. Not recursive: an {@code [include]} inside an included file only merges into the section,
 * after the list was computed. {@code %(here)s} is replaced literally, first with the main directory
 * and then with each included file's own directory right after that file is read, which is how
 * Supervisor makes {@code here} mean "this file's directory".
 */
final class Includes {
  private Includes() {}

  static final String SECTION = "include";

  /** Reads every included file into {@code ctx.ini}, recording Supervisor's INFO and WARN lines. */
  static void read(LoadContext ctx, String baseDirectory) throws ConfigException {
    if (!ctx.ini.hasSection(SECTION)) {
      return;
    }
    ctx.ini.expandHere(ctx.here);
    String files = ctx.ini.get(SECTION, "files");
    if (files == null) {
      throw new ConfigException(".ini file has [include] section, but no files setting");
    }
    Map<String, Object> names = new LinkedHashMap<>();
    names.put("here", ctx.here);
    names.put("host_node_name", ctx.hostNodeName);
    names.putAll(ctx.envExpansions);
    String expanded = Expansions.expand(files, names, "include.files");
    for (String token : splitWhitespace(expanded)) {
      String pattern = PyPaths.join(baseDirectory, token);
      List<String> matches = Glob.glob(pattern);
      if (matches.isEmpty()) {
        ctx.warnings.add("No file matches via include \"" + pattern + "\"");
        continue;
      }
      matches.sort(PyStr::compareCodePoints);
      for (String file : matches) {
        ctx.infos.add("Included extra file \"" + file + "\" during parsing");
        Path path = toPath(file);
        if (path != null) {
          ctx.ini.readIncluded(path, file);
        }
        ctx.ini.expandHere(PyPaths.normpath(PyPaths.dirname(file)));
      }
    }
  }

  /** Python's {@code str.split()} with no argument. */
  static List<String> splitWhitespace(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (PyStr.isSpace(c)) {
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
      } else {
        cur.append(c);
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  private static Path toPath(String file) {
    try {
      return Path.of(file);
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
