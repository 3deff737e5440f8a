package dev.supervisor4j.protocol;

import java.util.List;

/** What {@code reloadConfig} found, as group names: added, changed, removed. */
public record ConfigChanges(List<String> added, List<String> changed, List<String> removed) {
  public ConfigChanges {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
  }
}
