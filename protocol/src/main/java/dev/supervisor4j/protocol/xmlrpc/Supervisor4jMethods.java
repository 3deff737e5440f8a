package dev.supervisor4j.protocol.xmlrpc;

import java.util.List;

/**
 * The {@code supervisor4j.*} entries: calls of our own that Supervisor does not have. They live in
 * their own namespace, as an extra {@code [rpcinterface:x]} of Supervisor's would, so that the
 * {@code supervisor.*} namespace stays exactly Supervisor's.
 */
final class Supervisor4jMethods {
  private Supervisor4jMethods() {}

  static final String NS = "supervisor4j.";

  static List<RpcMethod> all() {
    return List.of(
        new RpcMethod(NS + "updateProcessGroup", List.of("boolean", "string"),
            "Apply the last-read config to an active group, restarting only the processes whose "
                + "config changed; unchanged processes keep their pid.", 1, 1, Decoder.BOOL));
  }

  /** The server's body of each entry (see {@link RpcMethods#handler}). */
  static RpcMethod.Handler handler(String name) {
    return switch (name) {
      case NS + "updateProcessGroup" ->
          (d, a) -> d.api().updateProcessGroup(a.groupName(0)).thenApply(XmlRpcValue::of);
      default -> null;
    };
  }
}
