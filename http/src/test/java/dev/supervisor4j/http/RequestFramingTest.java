package dev.supervisor4j.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;

/** Only CR/LF where a request starts is dropped; heads and bodies pass byte for byte. */
class RequestFramingTest {
  private static String run(RequestFraming framing, String... pieces) {
    StringBuilder out = new StringBuilder();
    for (String piece : pieces) {
      out.append(framing.filter(ByteString.fromString(piece)).utf8String());
    }
    return out.toString();
  }

  @Test
  void dropsTheExtraCrlfAfterAGetHead() {
    String head = "GET /logtail/x/stdout HTTP/1.1\r\nHost: \r\n\r\n";
    assertEquals(head, run(new RequestFraming(), head + "\r\n"));
    assertEquals(head, run(new RequestFraming(), head, "\r", "\n"));
  }

  @Test
  void dropsEmptyLinesBeforeARequestAndBetweenRequests() {
    String a = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n";
    String b = "GET /b HTTP/1.1\r\nHost: x\r\n\r\n";
    assertEquals(a + b, run(new RequestFraming(), "\r\n\r\n" + a + "\r\n" + b + "\r\n"));
  }

  @Test
  void bodiesPassUntouchedEvenWhenTheyAreBlankLines() {
    String post = "POST /RPC2 HTTP/1.1\r\nContent-Length: 6\r\n\r\n";
    String next = "GET / HTTP/1.1\r\n\r\n";
    assertEquals(post + "\r\n\r\n\r\n" + next,
        run(new RequestFraming(), post + "\r\n\r\n", "\r\n", "\r\n" + next));
  }

  @Test
  void headSplitAcrossReadsAndLowercaseHeaderNames() {
    RequestFraming framing = new RequestFraming();
    assertEquals("POST / HTTP/1.1\r\ncontent-length: 2\r\n\r\n\n\nGET",
        run(framing, "POST / HTTP/1.1\r\ncontent-le", "ngth: 2\r", "\n\r\n\n\n", "\r\nGET"));
  }

  @Test
  void bareLfHeadsEndAtAnEmptyLine() {
    assertEquals("GET / HTTP/1.1\nHost: x\n\nGET", run(new RequestFraming(), "GET / HTTP/1.1\nHost: x\n\n\nGET"));
  }

  @Test
  void passesEverythingOnceItCannotFollowTheFraming() {
    String chunked = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
    assertEquals(chunked + "\r\n0\r\n\r\n\r\n", run(new RequestFraming(), chunked, "\r\n0\r\n\r\n\r\n"));
    String twoLengths = "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n";
    assertEquals(twoLengths + "\r\n\r\n", run(new RequestFraming(), twoLengths + "\r\n\r\n"));
  }
}
