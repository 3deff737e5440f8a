package dev.supervisor4j.protocol.xmlrpc;

import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;

/**
 * THE method table: the 41 names Supervisor 4.2.5 publishes (37 {@code supervisor.*}, aliases
 * included, and 4 {@code system.*}), plus our own namespaces ({@code supervisor4j.*},
 * {@code history.*}), and nothing else.
 *
 * <p>A name is looked up whole, so only {@code namespace.method} with exactly one dot can ever
 * match, and {@code supervisor.__init__}, {@code supervisor.a.b} or {@code foo} are
 * UNKNOWN_METHOD. Supervisor reached its methods by attribute traversal and had to learn this the
 * hard way (CVE-2017-11610); a closed table cannot be traversed.
 */
public final class RpcMethods {
  private RpcMethods() {}

  private static final NavigableMap<String, RpcMethod> TABLE = build();

  private static NavigableMap<String, RpcMethod> build() {
    TreeMap<String, RpcMethod> table = new TreeMap<>();
    for (List<RpcMethod> part : List.of(SupervisorMethods.all(), SystemMethods.all(),
        Supervisor4jMethods.all(), HistoryMethods.all())) {
      for (RpcMethod m : part) {
        if (table.put(m.name(), m) != null) {
          throw new IllegalStateException("duplicate method " + m.name());
        }
      }
    }
    return Collections.unmodifiableNavigableMap(table);
  }

  /** Whether a method is one of Supervisor's own ({@code supervisor.*} or {@code system.*}). */
  public static boolean isSupervisors(String name) {
    return name.startsWith("supervisor.") || name.startsWith("system.");
  }

  /** Every method name, sorted as {@code system.listMethods} returns them. */
  public static NavigableSet<String> names() {
    return TABLE.navigableKeySet();
  }

  /** The method, or null when the name is not exactly one of the table's. */
  static RpcMethod lookup(String name) {
    int dot = name.indexOf('.');
    // Supervisor's rules, kept explicit even though the table alone already enforces them.
    if (dot < 0 || name.indexOf('.', dot + 1) >= 0 || name.startsWith("_", dot + 1)) {
      return null;
    }
    return TABLE.get(name);
  }
}
