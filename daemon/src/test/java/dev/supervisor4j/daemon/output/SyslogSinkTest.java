package dev.supervisor4j.daemon.output;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supervisor4j.daemon.testing.RecordingSyslog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyslogSinkTest {
  private final RecordingSyslog syslog = new RecordingSyslog();
  private final SyslogSink sink = new SyslogSink(syslog, "web_00");

  private void write(String chunk) {
    byte[] b = chunk.getBytes(ISO_8859_1);
    sink.write(b, 0, b.length);
  }

  @Test
  void eachPieceOfAChunkIsOneMessagePrefixedWithTheProcessName() {
    write("hello\n\nworld\n");
    assertEquals(List.of("<14>web_00 hello", "<14>web_00 ", "<14>web_00 world"), syslog.sent());
  }

  @Test
  void piecesFollowTheReadsNotTheLines() {
    write("no newline yet");
    write(" and the rest\n");
    write("a\n\n\n"); // trailing newlines dropped: the empty lines are lost, as in Supervisor
    write("\n"); // a read of one newline is one empty message
    write(""); // an empty read sends nothing
    assertEquals(List.of("<14>web_00 no newline yet", "<14>web_00  and the rest", "<14>web_00 a",
        "<14>web_00 "), syslog.sent());
  }

  @Test
  void percentSignsAreText() {
    write("50% %s %n %%\n");
    assertEquals(List.of("<14>web_00 50% %s %n %%"), syslog.sent());
  }

  @Test
  void onlyTheGivenRangeOfTheBufferIsSent() {
    byte[] b = "xxone\ntwoyy".getBytes(ISO_8859_1);
    sink.write(b, 2, 7);
    assertEquals(List.of("<14>web_00 one", "<14>web_00 two"), syslog.sent());
  }

  @Test
  void bytesThatAreNotUtf8AreSentUntouched() {
    List<byte[]> raw = new ArrayList<>();
    SyslogSink rawSink = new SyslogSink((priority, message) -> raw.add(message), "p");
    byte[] b = {(byte) 0xff, 'x', (byte) 0xc3, '\n'};
    rawSink.write(b, 0, b.length);
    assertEquals(1, raw.size());
    assertArrayEquals(new byte[] {'p', ' ', (byte) 0xff, 'x', (byte) 0xc3}, raw.get(0));
  }
}
