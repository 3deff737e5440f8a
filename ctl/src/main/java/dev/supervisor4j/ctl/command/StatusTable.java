package dev.supervisor4j.ctl.command;

import dev.supervisor4j.protocol.ProcessInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code status} table: {@code <namespec padded to W><statename padded to 10><description>},
 * W = max(30, longest shown namespec) + 3. Trailing spaces stay when the description is empty,
 * as in Supervisor's output.
 */
public final class StatusTable {
  private StatusTable() {}

  public static List<String> lines(List<ProcessInfo> infos) {
    int max = 30;
    List<String> names = new ArrayList<>(infos.size());
    for (ProcessInfo info : infos) {
      String ns = info.namespec();
      names.add(ns);
      max = Math.max(max, ns.codePointCount(0, ns.length()));
    }
    List<String> lines = new ArrayList<>(infos.size());
    for (int i = 0; i < infos.size(); i++) {
      ProcessInfo info = infos.get(i);
      lines.add(pad(names.get(i), max + 3) + pad(info.state().name(), 10) + info.description());
    }
    return lines;
  }

  /** Python's {@code %-Ns}: left-justified to at least {@code width} characters (code points). */
  static String pad(String s, int width) {
    int len = s.codePointCount(0, s.length());
    if (len >= width) {
      return s;
    }
    StringBuilder b = new StringBuilder(width).append(s);
    for (int i = len; i < width; i++) {
      b.append(' ');
    }
    return b.toString();
  }
}
