package dev.supervisor4j.daemon;

import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.group.GroupMsg;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The groups running now, in priority order, with their actors: the root's registry. Immutable; a
 * change makes a new one. (Which processes they hold is on the status board.)
 */
record ActiveGroups(List<Group> groups) {

  /** One active group. */
  record Group(GroupConfig config, ActorRef<GroupMsg.Command> ref) {
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

  /** The group's place in this list, or -1. */
  int indexOf(String name) {
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    groups.forEach(g -> names.add(g.name()));
    return names;
  }

  /** The groups of {@code read} that run with that very config object (made from that read). */
  Set<String> madeFrom(SupervisordConfig read) {
    Set<String> names = new LinkedHashSet<>();
    for (GroupConfig g : read.groups()) {
      get(g.name()).filter(a -> a.config() == g).ifPresent(a -> names.add(a.name()));
    }
    return names;
  }

  /** Each active group's config, by name. */
  Map<String, GroupConfig> configs() {
    Map<String, GroupConfig> configs = new LinkedHashMap<>();
    groups.forEach(g -> configs.put(g.name(), g.config()));
    return configs;
  }

  /** With {@code g} added, kept in (priority, name) order; groups added at run time after equals. */
  ActiveGroups with(Group g) {
    List<Group> next = new ArrayList<>(groups);
    next.add(g);
    next.sort(Comparator.comparingInt((Group x) -> x.config().priority()));
    return new ActiveGroups(next);
  }

  /** With the group of that name now configured as {@code config}, in the same place. */
  ActiveGroups updated(GroupConfig config) {
    List<Group> next = new ArrayList<>(groups);
    next.replaceAll(g -> g.name().equals(config.name()) ? new Group(config, g.ref()) : g);
    return new ActiveGroups(next);
  }

  ActiveGroups without(String name) {
    List<Group> next = new ArrayList<>(groups);
    next.removeIf(g -> g.name().equals(name));
    return new ActiveGroups(next);
  }
}
