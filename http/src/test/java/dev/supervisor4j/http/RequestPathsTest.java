package dev.supervisor4j.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** One percent-decoding, as Python's unquote. */
class RequestPathsTest {
  @Test
  void decodesOnce() {
    assertEquals("/logtail/grp:ga", RequestPaths.percentDecode("/logtail/grp%3Aga"));
    assertEquals("/logtail/a/b", RequestPaths.percentDecode("/logtail/a%2Fb"));
    assertEquals("/a%25b", RequestPaths.percentDecode("/a%2525b"));
    assertEquals("/caf\u00e9", RequestPaths.percentDecode("/caf%C3%A9"));
    assertEquals("/a+b", RequestPaths.percentDecode("/a+b"));
  }

  @Test
  void leavesBrokenEscapesAlone() {
    assertEquals("/100%", RequestPaths.percentDecode("/100%"));
    assertEquals("/%zz", RequestPaths.percentDecode("/%zz"));
    assertEquals("/\ufffd", RequestPaths.percentDecode("/%ff"));
  }
}
