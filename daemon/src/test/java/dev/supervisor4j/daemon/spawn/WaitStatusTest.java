package dev.supervisor4j.daemon.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Raw wait statuses as Linux builds them, and supervisord's text for each. */
class WaitStatusTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0x0000|exit status 0|0",
      "0x0300|exit status 3|3",
      "0x8f00|exit status 143|143",
      "0xff00|exit status 255|255",
      "0x000f|terminated by SIGTERM|-1",
      "0x0009|terminated by SIGKILL|-1",
      "0x008b|terminated by SIGSEGV (core dumped)|-1",
      "0x001d|terminated by SIGPOLL|-1",
      "0x0022|terminated by SIGRTMIN|-1",
      "0x0023|terminated by signal 35|-1"
  })
  void decodes(String raw, String text, int rpcExitStatus) {
    ExitStatus status = WaitStatus.decode(Integer.decode(raw));
    assertEquals(text, status.describe());
    assertEquals(rpcExitStatus, status.rpcExitStatus());
  }
}
