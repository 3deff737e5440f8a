package dev.supervisor4j.protocol.xmlrpc;

/**
 * Bounds on what the decoder accepts, so that a hostile body costs at most a bounded amount of
 * memory and stack. Supervisor has neither bound; no real client comes near them.
 *
 * @param maxBytes the largest body decoded; bigger bodies are refused before parsing
 * @param maxDepth how deeply {@code <array>}/{@code <struct>} values may nest (a parameter's own
 *                 value is depth 1); deeper documents are refused as soon as the limit is crossed
 */
public record XmlRpcLimits(int maxBytes, int maxDepth) {

  /** For requests a server accepts: 1 MiB, depth 64. */
  public static final XmlRpcLimits REQUESTS = new XmlRpcLimits(1 << 20, 64);

  /**
   * For responses a client accepts: 64 MiB (a {@code readLog(0, 0)} of a large main log comes back
   * whole), depth 64.
   */
  public static final XmlRpcLimits RESPONSES = new XmlRpcLimits(64 << 20, 64);

  public XmlRpcLimits {
    if (maxBytes < 1 || maxDepth < 1) {
      throw new IllegalArgumentException("limits must be positive: " + maxBytes + ", " + maxDepth);
    }
  }
}
