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

  /**
   * The server's body of a table entry. Built on first use, for every entry at once (a missing one
   * fails here), and only by the server: a client reads the table without loading any handler.
   */
  static RpcMethod.Handler handler(RpcMethod method) {
    return Handlers.ALL.get(method.name());
  }

  private static final class Handlers {
    static final java.util.Map<String, RpcMethod.Handler> ALL = bind();

    private static java.util.Map<String, RpcMethod.Handler> bind() {
      java.util.Map<String, RpcMethod.Handler> all = new java.util.HashMap<>();
      for (String name : TABLE.keySet()) {
        String local = name.substring(name.indexOf('.') + 1);
        RpcMethod.Handler h = name.startsWith("supervisor.") ? SupervisorMethods.handler(local)
            : name.startsWith("system.") ? SystemMethods.handler(name)
            : name.startsWith(Supervisor4jMethods.NS) ? Supervisor4jMethods.handler(name)
            : HistoryMethods.handler(name);
        if (h == null) {
          throw new IllegalStateException("no handler for " + name);
        }
        all.put(name, h);
      }
      return all;
    }
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
