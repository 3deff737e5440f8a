package dev.supervisor4j.daemon.group;

import dev.supervisor4j.daemon.config.DaemonSettings;
import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.GroupKind;
import dev.supervisor4j.daemon.config.ProgramConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What applying a re-read config to one active group does, process by process: the members whose
 * effective config is unchanged are kept (same actor, same child, same pid), the others retire,
 * and the programs without a kept member are spawned fresh. A pure plan; the GroupActor carries it out.
 *
 * <p>A process's effective config is its {@link ProgramConfig} plus the daemon-wide settings that
 * reach it: the global {@code environment}, {@code childlogdir} (AUTO log names) and
 * {@code identifier}. Listener pools and FastCGI groups are always replaced whole.
 *
 * @param next    the group's config as last read
 * @param kept    names of members that stay as they are
 * @param retired names of members to stop and drop
 * @param fresh   programs to spawn, in the new config's order
 */
public record GroupUpdate(GroupConfig next, List<String> kept, List<String> retired, List<ProgramConfig> fresh) {

  public GroupUpdate {
    kept = List.copyOf(kept);
    retired = List.copyOf(retired);
    fresh = List.copyOf(fresh);
  }

  /**
   * @param current the group as it runs now
   * @param running the daemon settings the group's processes were made with
   * @param read    the daemon settings of the config {@code next} comes from
   */
  public static GroupUpdate plan(GroupConfig current, DaemonSettings running, GroupConfig next,
      DaemonSettings read) {
    boolean perProcess = isPlain(current.kind()) && isPlain(next.kind()) && reachesProcessesAlike(running, read);
    List<String> kept = new ArrayList<>();
    List<String> retired = new ArrayList<>();
    for (ProgramConfig p : current.processes()) {
      boolean same = perProcess && next.processes().stream().anyMatch(p::equals);
      (same ? kept : retired).add(p.name());
    }
    List<ProgramConfig> fresh = next.processes().stream().filter(p -> !kept.contains(p.name())).toList();
    return new GroupUpdate(next, kept, retired, fresh);
  }

  private static boolean isPlain(GroupKind kind) {
    return kind == GroupKind.PROGRAM || kind == GroupKind.GROUP;
  }

  private static boolean reachesProcessesAlike(DaemonSettings a, DaemonSettings b) {
    return a.environment().equals(b.environment())
        && Objects.equals(a.childlogdir(), b.childlogdir())
        && a.identifier().equals(b.identifier());
  }
}
