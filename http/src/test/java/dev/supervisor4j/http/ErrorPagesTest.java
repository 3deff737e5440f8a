package dev.supervisor4j.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.junit.jupiter.api.Test;

/** Byte counts and texts as measured on supervisord 4.2.5. */
class ErrorPagesTest {
  @Test
  void bodiesHaveSupervisordsLengths() {
    assertEquals(137, ErrorPages.body(StatusCodes.UNAUTHORIZED).length);
    assertEquals(134, ErrorPages.body(StatusCodes.NOT_FOUND).length);
    assertEquals(136, ErrorPages.body(StatusCodes.BAD_REQUEST).length);
    assertEquals(146, ErrorPages.body(StatusCodes.INTERNAL_SERVER_ERROR).length);
  }

  @Test
  void classicReasonPhrases() {
    String body = new String(ErrorPages.body(StatusCodes.PAYLOAD_TOO_LARGE), StandardCharsets.US_ASCII);
    assertEquals("<head>\r\n<title>Error response</title>\r\n</head>\r\n<body>\r\n<h1>Error response</h1>\r\n"
        + "<p>Error code 413.\r\n<p>Message: Request Entity Too Large.\r\n</body>\r\n", body);
  }

  @Test
  void unauthorizedClosesAndChallenges() {
    var response = ErrorPages.unauthorized();
    assertEquals("close", response.getHeader("Connection").orElseThrow().value());
    assertEquals("Basic realm=\"default\"", response.getHeader("WWW-Authenticate").orElseThrow().value());
    assertEquals("text/html", response.entity().getContentType().toString());
  }
}
