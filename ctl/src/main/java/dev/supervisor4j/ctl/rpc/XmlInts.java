package dev.supervisor4j.ctl.rpc;

import dev.supervisor4j.ctl.compat.PyException;

/** XML-RPC {@code <int>} is 32-bit; Python's marshaller refuses larger values with this error. */
final class XmlInts {
  private XmlInts() {}

  static Integer of(long v) {
    if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
      throw new PyException("OverflowError", "int exceeds XML-RPC limits");
    }
    return (int) v;
  }
}
