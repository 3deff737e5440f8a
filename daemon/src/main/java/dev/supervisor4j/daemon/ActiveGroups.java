package dev.supervisor4j.daemon;

import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.group.GroupMsg;
import dev.supervisor4j.protocol.NameSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The groups running now, in priority order, with their processes' actors: the root's registry.
 * Immutable; a change makes a new one.
 */
record ActiveGroups(List<Group> groups) {

  /** One active group. */
  record Group(GroupConfig config, ActorRef<GroupMsg> ref, List<RootMsg.Member> members) {
    String name() {
      return config.name();
    }
  }

  ActiveGroups {
    groups = List.copyOf(groups);
  }

  static ActiveGroups empty() {
    return new ActiveGroups(List.of());
  }

  Optional<Group> get(String name) {
    return groups.stream().filter(g -> g.name().equals(name)).findFirst();
  }

  /** The members a name means, or empty for an unknown name. */
  Optional<List<RootMsg.Member>> resolve(NameSpec spec) {
    Optional<Group> group = get(spec.group());
    if (group.isEmpty()) {
      return Optional.empty();
    }
    if (spec.isGroup()) {
      return Optional.of(group.get().members());
    }
    return group.get().members().stream().filter(m -> m.name().equals(spec.process())).findFirst()
        .map(List::of);
  }

  List<RootMsg.Member> allMembers() {
    List<RootMsg.Member> all = new ArrayList<>();
    groups.forEach(g -> all.addAll(g.members()));
    return all;
  }

  Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    groups.forEach(g -> names.add(g.name()));
    return names;
  }

  /** With {@code g} added, kept in (priority, name) order; groups added at run time after equals. */
  ActiveGroups with(Group g) {
    List<Group> next = new ArrayList<>(groups);
    next.add(g);
    next.sort(Comparator.comparingInt((Group x) -> x.config().priority()));
    return new ActiveGroups(next);
  }

  ActiveGroups without(String name) {
    List<Group> next = new ArrayList<>(groups);
    next.removeIf(g -> g.name().equals(name));
    return new ActiveGroups(next);
  }
}
