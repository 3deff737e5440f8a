package dev.supervisor4j.daemon.os;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads process facts from /proc, as ps would. */
final class ProcFs {
  private ProcFs() {}

  /** One /proc/<pid>/stat line, the fields we need. */
  record Stat(long pid, char state, long ppid, long pgid) {}

  static List<Stat> all() {
    List<Stat> out = new ArrayList<>();
    File[] entries = new File("/proc").listFiles();
    if (entries == null) {
      return out;
    }
    for (File f : entries) {
      if (!f.getName().chars().allMatch(Character::isDigit)) {
        continue;
      }
      try {
        String stat = Files.readString(f.toPath().resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        out.add(new Stat(Long.parseLong(f.getName()), fields[0].charAt(0), Long.parseLong(fields[1]),
            Long.parseLong(fields[2])));
      } catch (IOException | RuntimeException e) {
        // gone while we looked
      }
    }
    return out;
  }

  /** Live (non-zombie) processes in process group {@code pgid}. */
  static List<Stat> groupMembers(long pgid) {
    return all().stream().filter(s -> s.pgid() == pgid && s.state() != 'Z').toList();
  }

  /** Live (non-zombie) children of {@code ppid}. */
  static List<Stat> childrenOf(long ppid) {
    return all().stream().filter(s -> s.ppid() == ppid && s.state() != 'Z').toList();
  }

  /** Live (non-zombie) processes whose command line contains {@code text}. */
  static List<Stat> withCommandLine(String text) {
    return all().stream().filter(s -> s.state() != 'Z' && commandLine(s.pid()).contains(text)).toList();
  }

  private static String commandLine(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  static List<Stat> zombieChildrenOf(long ppid) {
    return all().stream().filter(s -> s.ppid() == ppid && s.state() == 'Z').toList();
  }
}
