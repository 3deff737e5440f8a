package dev.supervisor4j.protocol;

/**
 * One entry of a group or "all" operation's result array.
 *
 * @param name        the process name (not the namespec)
 * @param group       the group name
 * @param status      {@link Fault#SUCCESS} or the fault that entry ended with
 * @param description {@code OK}, or the faultString
 */
public record ProcessResult(String name, String group, Fault status, String description) {

  public static ProcessResult ok(String name, String group) {
    return new ProcessResult(name, group, Fault.SUCCESS, "OK");
  }

  public static ProcessResult failed(String name, String group, SupervisorFault fault) {
    return new ProcessResult(name, group, fault.fault(), fault.getMessage());
  }
}
