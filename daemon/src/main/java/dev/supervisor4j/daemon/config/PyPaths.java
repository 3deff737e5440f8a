package dev.supervisor4j.daemon.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code posixpath} string operations ({@code expanduser}, {@code dirname}, {@code join},
 * {@code normpath}, {@code abspath}). Paths stay strings until the end because Supervisor's messages
 * print them as written ({@code No file matches via include "/etc/x/../conf.d/*.conf"}) and
 * {@link Path} would normalise them early. Relative paths are resolved against the start-up directory
 * handed to the loader, never the JVM's, so a {@code reread} sees what a start would.
 */
final class PyPaths {
  private final Map<String, String> environment;
  private final Users users;
  private final String cwd;

  PyPaths(Map<String, String> environment, Users users, Path cwd) {
    this.environment = environment;
    this.users = users;
    this.cwd = cwd.toAbsolutePath().toString();
  }

  /** {@code os.path.expanduser}: {@code ~} is $HOME (else the passwd entry), {@code ~name} a user's. */
  String expandUser(String path) {
    if (!path.startsWith("~")) {
      return path;
    }
    int slash = path.indexOf('/', 1);
    int end = slash < 0 ? path.length() : slash;
    String home;
    if (end == 1) {
      home = environment.get("HOME");
      if (home == null) {
        home = users.homeOfCurrentUser();
        if (home == null) {
          return path;
        }
      }
    } else {
      Users.Entry entry = users.byName(path.substring(1, end));
      if (entry == null) {
        return path;
      }
      home = entry.home();
    }
    String trimmed = home.replaceAll("/+$", "");
    String result = trimmed + path.substring(end);
    return result.isEmpty() ? "/" : result;
  }

  /** {@code os.path.normpath(os.path.abspath(os.path.expanduser(p)))}: Supervisor's normalize_path. */
  String normalize(String path) {
    return abspath(expandUser(path));
  }

  /** {@code os.path.abspath}, against the start-up directory. */
  String abspath(String path) {
    return normpath(isAbsolute(path) ? path : join(cwd, path));
  }

  /** True when the path names an existing directory (relative to the start-up directory). */
  boolean isDirectory(String path) {
    Path p = toPath(path);
    return p != null && Files.isDirectory(p);
  }

  /** The path as a {@link Path} resolved against the start-up directory; null if not representable. */
  Path toPath(String path) {
    try {
      return Path.of(isAbsolute(path) ? path : join(cwd, path));
    } catch (InvalidPathException e) {
      return null; // e.g. an embedded NUL: Python's isdir() answers False for it too
    }
  }

  static boolean isAbsolute(String path) {
    return path.startsWith("/");
  }

  /** {@code os.path.join(a, b)} for two parts. */
  static String join(String a, String b) {
    if (b.startsWith("/") || a.isEmpty()) {
      return b;
    }
    return a.endsWith("/") ? a + b : a + "/" + b;
  }

  /** {@code os.path.dirname}. */
  static String dirname(String path) {
    String head = path.substring(0, path.lastIndexOf('/') + 1);
    if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) {
      head = head.replaceAll("/+$", "");
    }
    return head;
  }

  /** {@code os.path.split}: (head, tail). */
  static String[] split(String path) {
    int i = path.lastIndexOf('/') + 1;
    return new String[] {dirname(path), path.substring(i)};
  }

  /** {@code os.path.normpath}. */
  static String normpath(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    int initialSlashes = path.startsWith("/") ? 1 : 0;
    if (path.startsWith("//") && !path.startsWith("///")) {
      initialSlashes = 2; // POSIX leaves the meaning of exactly two leading slashes open
    }
    List<String> parts = new ArrayList<>();
    for (String comp : path.split("/")) {
      if (comp.isEmpty() || comp.equals(".")) {
        continue;
      }
      if (!comp.equals("..") || (initialSlashes == 0 && parts.isEmpty())
          || (!parts.isEmpty() && parts.get(parts.size() - 1).equals(".."))) {
        parts.add(comp);
      } else if (!parts.isEmpty()) {
        parts.remove(parts.size() - 1);
      }
    }
    String joined = "/".repeat(initialSlashes) + String.join("/", parts);
    return joined.isEmpty() ? "." : joined;
  }
}
