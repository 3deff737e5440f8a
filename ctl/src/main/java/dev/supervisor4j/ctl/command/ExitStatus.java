package dev.supervisor4j.ctl.command;

/** supervisorctl's LSB exit statuses (spec §3.3). The last one set during a run wins. */
public final class ExitStatus {
  private ExitStatus() {}

  public static final int SUCCESS = 0;
  public static final int GENERIC = 1;
  public static final int INVALID_ARGS = 2;
  /** For {@code status}: a shown process is stopped. Elsewhere: an unimplemented feature. */
  public static final int NOT_RUNNING_STATUS = 3;
  public static final int UNIMPLEMENTED_FEATURE = 3;
  /** For {@code status}: unknown name or server unreachable. Elsewhere: connection refused. */
  public static final int UNKNOWN_STATUS = 4;
  public static final int INSUFFICIENT_PRIVILEGES = 4;
  /** The server's API version is not 3.0. */
  public static final int NOT_INSTALLED = 5;
  public static final int NOT_RUNNING = 7;
}
