package dev.supervisor4j.protocol;

/** supervisord's XML-RPC fault codes. There is no code 5 and no FATAL_STATE fault. */
public enum Fault {
  UNKNOWN_METHOD(1),
  INCORRECT_PARAMETERS(2),
  BAD_ARGUMENTS(3),
  SIGNATURE_UNSUPPORTED(4),
  SHUTDOWN_STATE(6),
  BAD_NAME(10),
  BAD_SIGNAL(11),
  NO_FILE(20),
  NOT_EXECUTABLE(21),
  FAILED(30),
  ABNORMAL_TERMINATION(40),
  SPAWN_ERROR(50),
  ALREADY_STARTED(60),
  NOT_RUNNING(70),
  /** Never raised: the status of successful entries in result arrays. */
  SUCCESS(80),
  ALREADY_ADDED(90),
  STILL_RUNNING(91),
  CANT_REREAD(92);

  private final int code;

  Fault(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /**
   * The faultString: {@code NAME} when {@code detail} is null, else {@code NAME: detail}, also for an
   * empty detail (Supervisor's {@code RPCError} tests its extra against None, not for truth).
   */
  public String describe(String detail) {
    return detail == null ? name() : name() + ": " + detail;
  }

  public static Fault ofCode(int code) {
    for (Fault f : values()) {
      if (f.code == code) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown fault code " + code);
  }
}
