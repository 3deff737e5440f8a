package dev.supervisor4j.daemon.config;

import dev.supervisor4j.protocol.python.PyInt;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * User and group lookups for {@code user=}, {@code chown=} and {@code socket_owner=}, read from
 * {@code /etc/passwd} and {@code /etc/group} (Python's {@code pwd}/{@code grp} see NSS sources as well;
 * local files cover the machines this daemon runs on, and need no native code). The files are read
 * once per load, so a {@code reread} sees users added since start-up.
 */
final class Users {
  /** One passwd or group line: name, numeric id, primary gid (passwd only) and home. */
  record Entry(String name, long id, long gid, String home) {}

  private final Path passwd;
  private final Path group;
  private List<Entry> passwdEntries;
  private List<Entry> groupEntries;

  Users(Path passwd, Path group) {
    this.passwd = passwd;
    this.group = group;
  }

  static Users system() {
    return new Users(Path.of("/etc/passwd"), Path.of("/etc/group"));
  }

  /** {@code pwd.getpwnam}, or null. */
  Entry byName(String name) {
    return passwd().stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
  }

  /** {@code pwd.getpwuid}, or null. */
  Entry byUid(long uid) {
    return passwd().stream().filter(e -> e.id() == uid).findFirst().orElse(null);
  }

  /** The home directory of the user this JVM runs as, or null. */
  String homeOfCurrentUser() {
    Long uid = currentUid();
    Entry e = uid == null ? null : byUid(uid);
    return e == null ? null : e.home();
  }

  /** The effective uid of this process, read from {@code /proc/self} (no native call needed). */
  static Long currentUid() {
    try {
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Supervisor's {@code name_to_uid}: a number must be a known uid, a name a known user. */
  Entry resolveUser(String name) throws ConfigException {
    BigInteger number = PyInt.tryParse(name, 10);
    if (number == null) {
      Entry e = byName(name);
      if (e == null) {
        throw new ConfigException("Invalid user name " + name);
      }
      return e;
    }
    Entry e = number.bitLength() < 63 ? byUid(number.longValue()) : null;
    if (e == null) {
      throw new ConfigException("Invalid user id " + name);
    }
    return e;
  }

  /** Supervisor's {@code name_to_gid}: the gid of a group name or a known numeric gid. */
  long resolveGroup(String name) throws ConfigException {
    BigInteger number = PyInt.tryParse(name, 10);
    if (number == null) {
      return groups().stream().filter(e -> e.name().equals(name)).findFirst()
          .orElseThrow(() -> new ConfigException("Invalid group name " + name)).id();
    }
    long gid = number.bitLength() < 63 ? number.longValue() : -1;
    if (gid < 0 || groups().stream().noneMatch(e -> e.id() == gid)) {
      throw new ConfigException("Invalid group id " + name);
    }
    return gid;
  }

  /**
   * Supervisor's {@code colon_separated_user_group}: {@code user} or {@code user:group}, each a name
   * or a number; returns {uid, gid} with gid -1 when no group is given.
   */
  long[] resolveUserGroup(String spec) throws ConfigException {
    int colon = spec.indexOf(':');
    try {
      long uid = resolveUser(colon < 0 ? spec : spec.substring(0, colon)).id();
      long gid = colon < 0 ? -1 : resolveGroup(spec.substring(colon + 1));
      return new long[] {uid, gid};
    } catch (ConfigException e) {
      throw new ConfigException("Invalid user:group definition " + spec);
    }
  }

  /** The user as the config records it: the text as written plus uid, primary gid and home. */
  UserSpec userSpec(String written) throws ConfigException {
    Entry e = resolveUser(written);
    return new UserSpec(written, (int) e.id(), (int) e.gid(), e.home());
  }

  private List<Entry> passwd() {
    if (passwdEntries == null) {
      passwdEntries = read(passwd, true);
    }
    return passwdEntries;
  }

  private List<Entry> groups() {
    if (groupEntries == null) {
      groupEntries = read(group, false);
    }
    return groupEntries;
  }

  private static List<Entry> read(Path file, boolean isPasswd) {
    List<Entry> out = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return out;
    }
    for (String line : lines) {
      String[] f = line.split(":", -1);
      if (f.length < (isPasswd ? 7 : 3) || line.startsWith("#")) {
        continue;
      }
      try {
        long id = Long.parseLong(f[2]);
        long gid = isPasswd ? Long.parseLong(f[3]) : id;
        out.add(new Entry(f[0], id, gid, isPasswd ? f[5] : ""));
      } catch (NumberFormatException e) {
        // a malformed line is invisible to getpwnam too
      }
    }
    return out;
  }
}
