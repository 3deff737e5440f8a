package dev.supervisor4j.daemon.compat;

import java.io.IOException;

/** A free TCP port on loopback, for tests outside this package. */
public final class RealSupervisorPorts {
  private RealSupervisorPorts() {}

  public static int free() throws IOException {
    return RealSupervisor.freePort();
  }
}
