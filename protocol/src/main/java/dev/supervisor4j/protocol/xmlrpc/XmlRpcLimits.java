package dev.supervisor4j.protocol.xmlrpc;

/**
 * Bounds on what the decoder accepts, so that a hostile body costs at most a bounded amount of
 * memory and stack. Supervisor has neither bound; no real client comes near them.
 *
 * <p>A server should decode with the same byte bound as its HTTP layer accepts (the daemon builds
 * its codec from the front end's {@code maxRequestBytes}), so a body is either refused with 413 or
 * decoded, never accepted by one layer and refused by the other.
 *
 * @param maxBytes the largest body decoded; bigger bodies are refused before parsing
 * @param maxDepth how deeply {@code <array>}/{@code <struct>} values may nest (a parameter's own
 *                 value is depth 1); deeper documents are refused as soon as the limit is crossed
 */
public record XmlRpcLimits(int maxBytes, int maxDepth) {

  /**
   * For requests a server accepts: 16 MiB, depth 64. Supervisor takes a 10,000-call multicall
   * (about 2 MB) and a 9 MB argument; a 1 MiB bound refused a 5,000-call multicall.
   */
  public static final XmlRpcLimits REQUESTS = new XmlRpcLimits(16 << 20, 64);

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
