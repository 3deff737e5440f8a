package dev.supervisor4j.protocol;

import java.util.Optional;

/**
 * A call that ends in one of supervisord's faults. The faultString on the wire is {@code NAME} when
 * there is no detail and {@code NAME: detail} when there is one, even an empty one: Supervisor
 * answers {@code getProcessInfo('')} with {@code BAD_NAME: } and a {@code <nil/>} group name with
 * {@code BAD_NAME}, so "no detail" (null) and "" are kept apart.
 */
public final class SupervisorFault extends RuntimeException {
  private final Fault fault;
  private final String detail;

  /** @param detail the text after {@code NAME: }, or null for none */
  public SupervisorFault(Fault fault, String detail) {
    super(fault.describe(detail), null, false, false);
    this.fault = fault;
    this.detail = detail;
  }

  /** A fault without detail: the faultString is the bare name. */
  public SupervisorFault(Fault fault) {
    this(fault, null);
  }

  public Fault fault() {
    return fault;
  }

  /** The detail, if the fault has one (possibly empty). */
  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }
}
