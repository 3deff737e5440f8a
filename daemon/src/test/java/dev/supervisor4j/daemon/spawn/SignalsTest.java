package dev.supervisor4j.daemon.spawn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supervisor4j.protocol.Signal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("os")
class SignalsTest {
  @Test
  void aGonePidIsFalse() throws Exception {
    var result = TestSpawner.run(TestSpawner.sh("exit 0"));
    assertFalse(Signals.send(result.pid(), Signal.TERM));
    assertFalse(Signals.sendToGroup(result.pid(), Signal.TERM));
  }

  @Test
  void refusesTargetsThatWouldHitMoreThanOneChild() {
    // kill(0) is our own group and kill(-1) is every process we may signal.
    assertThrows(IllegalArgumentException.class, () -> Signals.send(0, Signal.TERM));
    assertThrows(IllegalArgumentException.class, () -> Signals.send(-5, Signal.TERM));
    assertThrows(IllegalArgumentException.class, () -> Signals.sendToGroup(1, Signal.KILL));
  }
}
