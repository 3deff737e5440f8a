package dev.supervisor4j.daemon.actor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Actor names allow only some characters; process and group names allow more. */
public final class ActorNames {
  private ActorNames() {}

  /** {@code prefix} followed by {@code name}, escaped as an actor name must be. */
  public static String of(String prefix, String name) {
    return prefix + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("*", "%2A");
  }
}
