package dev.supervisor4j.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void aRequestLineThatCannotBeOneIsRefusedOnceComplete() {
    for (String line : new String[] {"garbage\r\n", "GET\r\n", "hello world\r\n", "GET / HTTP/1.1 x\r\n",
        "GET  / HTTP/1.1\r\n", "G(T / HTTP/1.1\r\n", "GET /\u0001 HTTP/1.1\r\n", "GET / FTP/1.1\r\n"}) {
      RequestFraming framing = new RequestFraming();
      assertEquals(line, run(framing, line + "Host: x\r\n\r\nGET / HTTP/1.1\r\n\r\n"), line);
      assertTrue(framing.refused(), line);
      assertEquals("", run(framing, "GET / HTTP/1.1\r\n\r\n"), "nothing passes after it");
    }
    RequestFraming partial = new RequestFraming();
    assertEquals("garb", run(partial, "garb"));
    assertFalse(partial.refused(), "a line still coming may yet make sense");
    assertEquals("age\r\n", run(partial, "age\r\nmore"));
    assertTrue(partial.refused());
  }

  @Test
  void requestLinesPekkoTakesPassUnrefused() {
    for (String line : new String[] {"GET / HTTP/1.1\r\n", "POST /RPC2 HTTP/1.0\n", "GET / HTTP/9.9\r\n",
        "XYZZY /x HTTP/1.1\r\n", "GET http://localhost:9001/RPC2?a=%20b HTTP/1.1\r\n",
        "OPTIONS * HTTP/1.1\r\n"}) {
      RequestFraming framing = new RequestFraming();
      String request = line + "Host: x\r\n\r\n";
      assertEquals(request + request, run(framing, request, request), line);
      assertFalse(framing.refused(), line);
    }
  }
}
