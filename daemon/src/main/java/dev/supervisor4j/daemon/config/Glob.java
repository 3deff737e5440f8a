package dev.supervisor4j.daemon.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Python's {@code glob.glob(pattern)} (not recursive) for {@code [include] files}: {@code *}, {@code ?}
 * and {@code [...]} per path component, hidden names only for patterns that start with a dot, no
 * {@code ~} and no braces. Results keep the pattern's spelling ({@code ..} stays), because Supervisor
 * logs and reports them that way.
 */
final class Glob {
  private Glob() {}

  /** Every match of an absolute pattern, unsorted. */
  static List<String> glob(String pattern) {
    List<String> out = new ArrayList<>();
    iglob(pattern, false, out);
    return out;
  }

  static boolean hasMagic(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
  }

  private static void iglob(String pathname, boolean dirOnly, List<String> out) {
    String[] split = PyPaths.split(pathname);
    String dirname = split[0];
    String basename = split[1];
    if (!hasMagic(pathname)) {
      if (basename.isEmpty() ? isDirectory(dirname) : exists(pathname)) {
        out.add(pathname);
      }
      return;
    }
    List<String> dirs = new ArrayList<>();
    if (!dirname.equals(pathname) && hasMagic(dirname)) {
      iglob(dirname, true, dirs);
    } else {
      dirs.add(dirname);
    }
    for (String dir : dirs) {
      List<String> names = hasMagic(basename) ? matchIn(dir, basename, dirOnly) : existingIn(dir, basename);
      for (String name : names) {
        out.add(PyPaths.join(dir, name));
      }
    }
  }

  /** Names in {@code dir} matching a magic pattern. */
  private static List<String> matchIn(String dir, String pattern, boolean dirOnly) {
    Pattern regex = Pattern.compile(translate(pattern), Pattern.DOTALL);
    boolean hiddenToo = pattern.startsWith(".");
    List<String> names = new ArrayList<>();
    Path p = path(dir.isEmpty() ? "." : dir);
    if (p == null) {
      return names;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(p)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if ((hiddenToo || !name.startsWith(".")) && (!dirOnly || Files.isDirectory(entry))
            && regex.matcher(name).matches()) {
          names.add(name);
        }
      }
    } catch (IOException | RuntimeException e) {
      // an unreadable or missing directory matches nothing, as in Python
    }
    return names;
  }

  /** A literal last component: itself if it exists (or, when empty, if the directory does). */
  private static List<String> existingIn(String dir, String basename) {
    boolean found = basename.isEmpty() ? isDirectory(dir) : exists(PyPaths.join(dir, basename));
    return found ? List.of(basename) : List.of();
  }

  private static boolean exists(String path) {
    Path p = path(path);
    return p != null && Files.exists(p, LinkOption.NOFOLLOW_LINKS);
  }

  private static boolean isDirectory(String path) {
    Path p = path(path.isEmpty() ? "." : path);
    return p != null && Files.isDirectory(p);
  }

  private static Path path(String s) {
    try {
      return Path.of(s);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** fnmatch's shell pattern as a Java regex (to be matched whole). */
  static String translate(String pat) {
    StringBuilder re = new StringBuilder();
    int n = pat.length();
    int i = 0;
    while (i < n) {
      char c = pat.charAt(i++);
      if (c == '*') {
        if (!re.toString().endsWith(".*")) {
          re.append(".*");
        }
      } else if (c == '?') {
        re.append('.');
      } else if (c == '[') {
        int j = i;
        if (j < n && pat.charAt(j) == '!') {
          j++;
        }
        if (j < n && pat.charAt(j) == ']') {
          j++;
        }
        while (j < n && pat.charAt(j) != ']') {
          j++;
        }
        if (j >= n) {
          re.append("\\[");
        } else {
          re.append(charClass(pat.substring(i, j)));
          i = j + 1;
        }
      } else {
        re.append(literal(c));
      }
    }
    return re.toString();
  }

  private static String charClass(String stuff) {
    boolean negate = stuff.startsWith("!");
    String body = negate ? stuff.substring(1) : stuff;
    if (body.isEmpty()) {
      return negate ? "." : "(?!)";
    }
    StringBuilder cls = new StringBuilder();
    for (int k = 0; k < body.length(); k++) {
      char a = body.charAt(k);
      if (k + 2 < body.length() && body.charAt(k + 1) == '-') {
        char b = body.charAt(k + 2);
        if (a <= b) { // fnmatch drops a reversed range such as z-a
          cls.append(literal(a)).append('-').append(literal(b));
        }
        k += 2;
      } else {
        cls.append(literal(a));
      }
    }
    if (cls.length() == 0) {
      return negate ? "." : "(?!)";
    }
    return (negate ? "[^" : "[") + cls + "]";
  }

  private static String literal(char c) {
    return String.format("\\x{%x}", (int) c);
  }
}
