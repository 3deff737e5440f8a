package dev.supervisor4j.ctl.compat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code os.path} string functions on POSIX. Supervisor builds its config search list and
 * normalises {@code unix://} socket paths and {@code history_file} with them, and the results are
 * printed (error messages name the paths), so they are reproduced on strings, not via
 * {@link java.nio.file.Path}, which would drop the exact spelling.
 */
public final class PyPath {
  private PyPath() {}

  /** {@code os.path.dirname}. */
  public static String dirname(String p) {
    int i = p.lastIndexOf('/') + 1;
    String head = p.substring(0, i);
    if (!head.isEmpty() && !allSlashes(head)) {
      int e = head.length();
      while (e > 0 && head.charAt(e - 1) == '/') {
        e--;
      }
      head = head.substring(0, e);
    }
    return head;
  }

  /** {@code os.path.join(a, b)}. */
  public static String join(String a, String b) {
    if (b.startsWith("/")) {
      return b;
    }
    if (a.isEmpty() || a.endsWith("/")) {
      return a + b;
    }
    return a + "/" + b;
  }

  /** {@code os.path.normpath}: collapses separators, {@code .} and {@code ..}; keeps exactly two leading slashes. */
  public static String normpath(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    int initialSlashes = path.startsWith("/") ? 1 : 0;
    if (initialSlashes == 1 && path.startsWith("//") && !path.startsWith("///")) {
      initialSlashes = 2;
    }
    List<String> out = new ArrayList<>();
    for (String comp : path.split("/", -1)) {
      if (comp.isEmpty() || comp.equals(".")) {
        continue;
      }
      if (!comp.equals("..") || (initialSlashes == 0 && out.isEmpty())
          || (!out.isEmpty() && out.get(out.size() - 1).equals(".."))) {
        out.add(comp);
      } else if (!out.isEmpty()) {
        out.remove(out.size() - 1);
      }
    }
    String joined = String.join("/", out);
    String prefix = initialSlashes == 2 ? "//" : initialSlashes == 1 ? "/" : "";
    String result = prefix + joined;
    return result.isEmpty() ? "." : result;
  }

  /** {@code os.path.abspath}: joined to the current directory, then normalised. */
  public static String abspath(String p) {
    if (!p.startsWith("/")) {
      p = join(System.getProperty("user.dir"), p);
    }
    return normpath(p);
  }

  /** {@code os.path.expanduser}: {@code ~} is $HOME (or the passwd entry), {@code ~user} that user's home. */
  public static String expanduser(String p) {
    if (!p.startsWith("~")) {
      return p;
    }
    int slash = p.indexOf('/', 1);
    int end = slash < 0 ? p.length() : slash;
    String user = p.substring(1, end);
    String home;
    if (user.isEmpty()) {
      home = System.getenv("HOME");
      if (home == null) {
        home = System.getProperty("user.home");
      }
    } else {
      home = passwdHome(user);
      if (home == null) {
        return p;
      }
    }
    if (!home.equals("/")) {
      while (home.endsWith("/")) {
        home = home.substring(0, home.length() - 1);
      }
    } else {
      home = "";
    }
    String rest = p.substring(end);
    String result = home + rest;
    return result.isEmpty() ? "/" : result;
  }

  /** Supervisor's {@code normalize_path}: expanduser, then abspath. */
  public static String normalize(String p) {
    return abspath(expanduser(p));
  }

  private static boolean allSlashes(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != '/') {
        return false;
      }
    }
    return true;
  }

  private static String passwdHome(String user) {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
        String[] f = line.split(":", -1);
        if (f.length >= 6 && f[0].equals(user)) {
          return f[5];
        }
      }
    } catch (IOException | RuntimeException e) {
      // No passwd file: Python's expanduser leaves the path alone when the user is unknown.
    }
    return null;
  }
}
