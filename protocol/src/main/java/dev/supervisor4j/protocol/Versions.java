package dev.supervisor4j.protocol;

/** Version strings that clients check. */
public final class Versions {
  private Versions() {}

  /** The XML-RPC API version; supervisorctl refuses to talk to anything but {@code 3.0}. */
  public static final String API = "3.0";

  /**
   * The Supervisor release we are a drop-in for. {@code getSupervisorVersion}, {@code supervisord -v}
   * and {@code supervisorctl version} report it, so scripts that check it keep working.
   */
  public static final String SUPERVISOR = "4.2.5";

  /** supervisor4j's own version. */
  public static final String PRODUCT = "0.1.0";
}
