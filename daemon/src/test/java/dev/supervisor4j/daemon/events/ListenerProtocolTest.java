package dev.supervisor4j.daemon.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The listener's side of spec §5.2, one row per case Supervisor was seen to handle. */
class ListenerProtocolTest {

  private static List<ListenerProtocol.Outcome> feed(ListenerProtocol p, String s) {
    return p.feed(s.getBytes(StandardCharsets.UTF_8));
  }

  private static ListenerProtocol busy() {
    ListenerProtocol p = new ListenerProtocol("l");
    feed(p, "READY\n");
    p.sent();
    return p;
  }

  @Test
  void readyInPiecesThenResultOkAndReadyInOneWrite() {
    ListenerProtocol p = new ListenerProtocol("l");
    assertEquals(ListenerState.ACKNOWLEDGED, p.state());
    assertEquals(List.of(), feed(p, "REA"));
    assertEquals(List.of(ListenerProtocol.Ready.INSTANCE), feed(p, "DY\n"));
    assertEquals(ListenerState.READY, p.state());
    p.sent();
    assertEquals(List.of(new ListenerProtocol.Result(true), ListenerProtocol.Ready.INSTANCE), feed(p, "RESULT 2\nOKREADY\n"));
    assertEquals(ListenerState.READY, p.state());
  }

  @Test
  void anyOtherBodyRejects() {
    ListenerProtocol p = busy();
    assertEquals(List.of(), feed(p, "RESULT 4\nFA"));
    assertEquals(ListenerState.BUSY, p.state());
    assertEquals(List.of(new ListenerProtocol.Result(false)), feed(p, "IL"));
    assertEquals(ListenerState.ACKNOWLEDGED, p.state());
  }

  @Test
  void theResultWordItselfIsNotChecked() {
    ListenerProtocol p = busy();
    assertEquals(List.of(new ListenerProtocol.Result(true)), feed(p, "XXXXXX 2\nOK"));
  }

  @Test
  void violationsEndInUnknownForGood() {
    ListenerProtocol hello = new ListenerProtocol("l");
    assertEquals(List.of(), feed(hello, "HELLO\n"));
    assertEquals(ListenerState.UNKNOWN, hello.state());
    assertEquals(List.of(), feed(hello, "READY\n"));
    assertEquals(ListenerState.UNKNOWN, hello.state());

    ListenerProtocol chatty = new ListenerProtocol("l");
    assertEquals(List.of(ListenerProtocol.Ready.INSTANCE), feed(chatty, "READY\nx"));
    assertEquals(ListenerState.UNKNOWN, chatty.state());

    ListenerProtocol badLine = busy();
    assertEquals(List.of(ListenerProtocol.Broken.INSTANCE), feed(badLine, "RESULT two\nOK"));
    assertEquals(ListenerState.UNKNOWN, badLine.state());
  }

  @Test
  void lengthsReadLikePythonsInt() {
    assertEquals(2, ListenerProtocol.parseLength("RESULT 2".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(12, ListenerProtocol.parseLength("RESULT  1_2 ".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(-1, ListenerProtocol.parseLength("RESULT".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(-1, ListenerProtocol.parseLength("RESULT 2x".getBytes(StandardCharsets.US_ASCII)));
  }
}
