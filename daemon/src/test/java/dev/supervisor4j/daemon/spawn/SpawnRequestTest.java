package dev.supervisor4j.daemon.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpawnRequestTest {
  @Test
  void processNameDefaultsToArgv0() {
    var r = new SpawnRequest("/bin/echo", List.of("echo", "hi"), Map.of(), null, null, null, false);
    assertEquals("echo", r.processName());
    var named = new SpawnRequest("/bin/echo", List.of("echo"), Map.of(), null, null, null, false, "web");
    assertEquals("web", named.processName());
  }
}
