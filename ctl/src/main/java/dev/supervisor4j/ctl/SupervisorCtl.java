package dev.supervisor4j.ctl;

/**
 * supervisorctl. Not written yet: this placeholder says so plainly instead of pretending.
 * TODO(#5): the real client (every command, the interactive shell).
 */
public final class SupervisorCtl {
  private SupervisorCtl() {}

  public static void main(String[] args) {
    System.err.println("supervisorctl: not available yet in this supervisor4j build "
        + "(see README, \"What works so far\")");
    System.exit(1);
  }
}
