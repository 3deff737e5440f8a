package dev.supervisor4j.protocol;

/**
 * A name as clients write it: {@code foo} (process foo of group foo), {@code grp:proc}, or
 * {@code grp:*} / {@code grp:} (the whole group). Parsed once, here.
 *
 * @param group   the group name
 * @param process the process name, or null for the whole group
 */
public record NameSpec(String group, String process) {

  public static NameSpec parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return new NameSpec(text, text);
    }
    String group = text.substring(0, colon);
    String process = text.substring(colon + 1);
    return new NameSpec(group, process.isEmpty() || process.equals("*") ? null : process);
  }

  public boolean isGroup() {
    return process == null;
  }

  /** Supervisor's display form: {@code name} when group and process agree, else {@code group:name}. */
  public static String display(String group, String process) {
    return group.equals(process) ? process : group + ":" + process;
  }
}
