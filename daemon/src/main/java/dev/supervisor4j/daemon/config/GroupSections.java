package dev.supervisor4j.daemon.config;

import dev.supervisor4j.protocol.python.PyStr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * All process groups, built in Supervisor's order ({@code [group:x]} sections, then programs not
 * claimed by a group, then event listeners, then fcgi programs), which decides which error is reported
 * first and which group wins a name clash.
 */
final class GroupSections {
  private GroupSections() {}

  static List<GroupConfig> read(LoadContext ctx) throws ConfigException {
    List<String> sections = ctx.ini.sections();
    List<GroupConfig> groups = new ArrayList<>();
    Set<String> claimed = new HashSet<>();
    for (String section : sections) {
      if (section.startsWith("group:")) {
        groups.add(heterogeneous(ctx, section, sections, claimed));
      }
    }
    for (String section : sections) {
      if (section.startsWith("program:") && !claimed.contains(section)) {
        String name = Datatypes.name(afterColon(section));
        int priority = Datatypes.integer(ctx.getWithHere(section, "priority", "999"));
        groups.add(new GroupConfig(name, GroupKind.PROGRAM, priority,
            ProcessSection.processes(ctx, section, name), null, null));
      }
    }
    for (String section : sections) {
      if (section.startsWith("eventlistener:")) {
        groups.add(listenerPool(ctx, section));
      }
    }
    for (String section : sections) {
      if (section.startsWith("fcgi-program:") && !claimed.contains(section)) {
        String name = Datatypes.name(afterColon(section));
        int priority = Datatypes.integer(ctx.getWithHere(section, "priority", "999"));
        FcgiSocket socket = FcgiSockets.read(ctx, section, name);
        groups.add(new GroupConfig(name, GroupKind.FCGI_PROGRAM, priority,
            ProcessSection.processes(ctx, section, name), null, socket));
      }
    }
    return sortAndResolveClashes(groups);
  }

  /**
   * A {@code [group:x]}. Its members' own groups disappear. A member that is an fcgi-program is
   * built as a plain program here, without its socket, exactly as Supervisor does.
   */
  private static GroupConfig heterogeneous(LoadContext ctx, String section, List<String> sections,
      Set<String> claimed) throws ConfigException {
    String name = Datatypes.name(afterColon(section));
    List<String> programs = Datatypes.listOfStrings(ctx.getWithHere(section, "programs", null));
    int priority = Datatypes.integer(ctx.getWithHere(section, "priority", "999"));
    List<ProgramConfig> processes = new ArrayList<>();
    // Supervisor reuses its loop variable, so after the first member its errors name the previous
    // member's section instead of the group: "[program:foo] names unknown program ...".
    String label = section;
    for (String program : programs) {
      String asProgram = "program:" + program;
      String asFcgi = "fcgi-program:" + program;
      boolean isProgram = sections.contains(asProgram);
      boolean isFcgi = sections.contains(asFcgi);
      if (!isProgram && !isFcgi) {
        throw new ConfigException("[" + label + "] names unknown program or fcgi-program " + program);
      }
      if (isProgram && isFcgi) {
        throw new ConfigException("[" + label + "] name " + program
            + " is ambiguous (exists as program and fcgi-program)");
      }
      label = isProgram ? asProgram : asFcgi;
      claimed.add(label);
      processes.addAll(ProcessSection.processes(ctx, label, name));
    }
    return new GroupConfig(name, GroupKind.GROUP, priority, processes, null, null);
  }

  private static GroupConfig listenerPool(LoadContext ctx, String section) throws ConfigException {
    String pool = afterColon(section); // not name-checked here; the process names are
    int priority = Datatypes.integer(ctx.getWithHere(section, "priority", "-1"));
    int bufferSize = Datatypes.integer(ctx.getWithHere(section, "buffer_size", "10"));
    if (bufferSize < 1) {
      throw new ConfigException("[" + section + "] section sets invalid buffer_size (" + bufferSize + ")");
    }
    String handler = ctx.getWithHere(section, "result_handler", EntryPoints.DEFAULT_RESULT_HANDLER);
    EntryPoints.resolve(handler, section, List.of(EntryPoints.DEFAULT_RESULT_HANDLER));
    Set<String> events = new LinkedHashSet<>();
    for (String event : Datatypes.listOfStrings(ctx.getWithHere(section, "events", ""))) {
      events.add(event.toUpperCase(Locale.ROOT));
    }
    if (events.isEmpty()) {
      throw new ConfigException("[" + section + "] section requires an \"events\" line");
    }
    for (String event : events) {
      if (!EventTypeNames.ALL.contains(event)) {
        throw new ConfigException("Unknown event type " + event + " in [" + section + "] events");
      }
    }
    if (Datatypes.bool(ctx.getWithHere(section, "redirect_stderr", "false"))) {
      throw new ConfigException("[" + section + "] section sets redirect_stderr=true but this is not "
          + "allowed because it will interfere with the eventlistener protocol");
    }
    return new GroupConfig(pool, GroupKind.EVENT_LISTENER, priority,
        ProcessSection.processes(ctx, section, pool),
        new ListenerOptions(new ArrayList<>(events), bufferSize, handler), null);
  }

  /**
   * Sorts by (priority, name), stable, then keeps the first group of each name: supervisord adds
   * groups in this order and silently skips a name it already has.
   */
  private static List<GroupConfig> sortAndResolveClashes(List<GroupConfig> groups) {
    List<GroupConfig> sorted = new ArrayList<>(groups);
    sorted.sort(Comparator.comparingInt(GroupConfig::priority)
        .thenComparing(GroupConfig::name, PyStr::compareCodePoints));
    Set<String> seen = new HashSet<>();
    List<GroupConfig> out = new ArrayList<>();
    for (GroupConfig g : sorted) {
      if (seen.add(g.name())) {
        out.add(g);
      }
    }
    return out;
  }

  private static String afterColon(String section) {
    return section.substring(section.indexOf(':') + 1);
  }
}
