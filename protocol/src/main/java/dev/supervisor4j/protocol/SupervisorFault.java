package dev.supervisor4j.protocol;

/**
 * A call that ends in one of supervisord's faults. The faultString on the wire is
 * {@code NAME} or {@code NAME: detail}.
 */
public final class SupervisorFault extends RuntimeException {
  private final Fault fault;
  private final String detail;

  public SupervisorFault(Fault fault, String detail) {
    super(fault.describe(detail), null, false, false);
    this.fault = fault;
    this.detail = detail == null ? "" : detail;
  }

  public SupervisorFault(Fault fault) {
    this(fault, "");
  }

  public Fault fault() {
    return fault;
  }

  public String detail() {
    return detail;
  }
}
