package dev.supervisor4j.http;

import static dev.supervisor4j.http.BasicAuth.Outcome.ALLOW;
import static dev.supervisor4j.http.BasicAuth.Outcome.DENY;
import static dev.supervisor4j.http.BasicAuth.Outcome.MALFORMED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The credential check alone, including the header shapes supervisord tolerates. */
class BasicAuthTest {
  private static final BasicAuth PLAIN = new BasicAuth("user", "123");
  private static final BasicAuth SHA = new BasicAuth("user", "{SHA}82ab876d1387bfafe46cc1c8a2ef074eae50cb1d");

  private static Optional<String> basic(String credentials) {
    return Optional.of("Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void plainPasswords() {
    assertEquals(ALLOW, PLAIN.check(basic("user:123")));
    assertEquals(DENY, PLAIN.check(basic("user:1234")));
    assertEquals(DENY, PLAIN.check(basic("User:123")));
    assertEquals(DENY, PLAIN.check(Optional.empty()));
    assertEquals(DENY, PLAIN.check(Optional.of("Basic")));
  }

  @Test
  void shaPasswords() {
    assertEquals("82ab876d1387bfafe46cc1c8a2ef074eae50cb1d", BasicAuth.sha1Hex("thepassword"));
    assertEquals(ALLOW, SHA.check(basic("user:thepassword")));
    assertEquals(DENY, SHA.check(basic("user:{SHA}82ab876d1387bfafe46cc1c8a2ef074eae50cb1d")));
    BasicAuth upper = new BasicAuth("user", "{SHA}82AB876D1387BFAFE46CC1C8A2EF074EAE50CB1D");
    assertEquals(DENY, upper.check(basic("user:thepassword")), "supervisord compares the hex exactly");
  }

  @Test
  void base64LikePython() {
    // characters outside the alphabet are skipped, as binascii.a2b_base64 does
    assertEquals(ALLOW, PLAIN.check(Optional.of("Basic  dXNlcjoxMjM=")));
    assertEquals(ALLOW, PLAIN.check(Optional.of("basic dXNl cjoxMjM=")));
    assertEquals(MALFORMED, PLAIN.check(Optional.of("Basic abc")));
    assertEquals(MALFORMED, PLAIN.check(Optional.of("Basic abcde")));
    assertEquals(MALFORMED, PLAIN.check(Optional.of("Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, ':', '1'}))));
  }

  @Test
  void emptyPasswordMatchesEmpty() {
    BasicAuth empty = new BasicAuth("user", "");
    assertEquals(ALLOW, empty.check(basic("user:")));
    assertEquals(DENY, empty.check(basic("user:x")));
  }
}
