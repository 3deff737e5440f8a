package dev.supervisor4j.daemon;

import dev.supervisor4j.daemon.config.DaemonSettings;
import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.GroupKind;
import dev.supervisor4j.daemon.config.ProgramConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What applying a re-read config to one active group does, process by process: the members whose
 * effective config is unchanged are kept (same actor, same child, same pid), the others retire,
 * and the programs without a kept member are spawned fresh.
 *
 * <p>A process's effective config is its {@link ProgramConfig} plus the daemon-wide settings that
 * reach it: the global {@code environment}, {@code childlogdir} (AUTO log names) and
 * {@code identifier}. Listener pools and FastCGI groups are always replaced whole.
 *
 * @param current the group as it runs now
 * @param next    its config as last read
 * @param kept    members that stay as they are
 * @param retired members to stop and drop
 * @param fresh   programs to spawn, in the new config's order
 */
record GroupUpdate(
    ActiveGroups.Group current,
    GroupConfig next,
    List<RootMsg.Member> kept,
    List<RootMsg.Member> retired,
    List<ProgramConfig> fresh) {

  static GroupUpdate plan(ActiveGroups.Group current, DaemonSettings running, GroupConfig next,
      DaemonSettings read) {
    boolean perProcess = isPlain(current.config().kind()) && isPlain(next.kind())
        && reachesProcessesAlike(running, read);
    List<RootMsg.Member> kept = new ArrayList<>();
    List<RootMsg.Member> retired = new ArrayList<>();
    for (RootMsg.Member m : current.members()) {
      boolean same = perProcess && next.processes().stream().anyMatch(p -> p.equals(m.program()));
      (same ? kept : retired).add(m);
    }
    Set<String> keptNames = kept.stream().map(RootMsg.Member::name).collect(Collectors.toSet());
    List<ProgramConfig> fresh = next.processes().stream().filter(p -> !keptNames.contains(p.name())).toList();
    return new GroupUpdate(current, next, List.copyOf(kept), List.copyOf(retired), fresh);
  }

  private static boolean isPlain(GroupKind kind) {
    return kind == GroupKind.PROGRAM || kind == GroupKind.GROUP;
  }

  private static boolean reachesProcessesAlike(DaemonSettings a, DaemonSettings b) {
    return a.environment().equals(b.environment())
        && Objects.equals(a.childlogdir(), b.childlogdir())
        && a.identifier().equals(b.identifier());
  }

  String name() {
    return current.name();
  }
}
