package dev.supervisor4j.daemon;

import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.protocol.ConfigChanges;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** reloadConfig's planning, as pure functions: what a freshly read config changes. */
final class ConfigDiff {
  private ConfigDiff() {}

  /** supervisord's diff of a freshly read config against the active groups, names sorted. */
  static ConfigChanges diff(Map<String, GroupConfig> active, SupervisordConfig read) {
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> removed = new ArrayList<>(active.keySet());
    for (GroupConfig g : read.groups()) {
      removed.remove(g.name());
      GroupConfig current = active.get(g.name());
      if (current == null) {
        added.add(g.name());
      } else if (!current.equals(g)) {
        changed.add(g.name());
      }
    }
    added.sort(Comparator.naturalOrder());
    changed.sort(Comparator.naturalOrder());
    removed.sort(Comparator.naturalOrder());
    return new ConfigChanges(added, changed, removed);
  }

  /** The group of that name in {@code config}. */
  static Optional<GroupConfig> group(SupervisordConfig config, String name) {
    return config.groups().stream().filter(g -> g.name().equals(name)).findFirst();
  }
}
