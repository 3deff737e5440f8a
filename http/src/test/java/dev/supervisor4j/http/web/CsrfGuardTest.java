package dev.supervisor4j.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CsrfGuardTest {
  final CsrfGuard guard = new CsrfGuard("tok");

  @Test
  void needsTheTokenAndAMatchingOriginIfOneIsSent() {
    Optional<String> host = Optional.of("127.0.0.1:9001");
    assertEquals(Optional.empty(), guard.refuse(Optional.of("tok"), Optional.empty(), host));
    assertEquals(Optional.empty(), guard.refuse(Optional.of("tok"), Optional.of("http://127.0.0.1:9001"), host));
    assertTrue(guard.refuse(Optional.empty(), Optional.empty(), host).orElseThrow().contains("CSRF"));
    assertTrue(guard.refuse(Optional.of("tok2"), Optional.empty(), host).orElseThrow().contains("CSRF"));
    assertTrue(guard.refuse(Optional.of("tok"), Optional.of("http://evil"), host).orElseThrow().contains("cross-origin"));
    assertTrue(guard.refuse(Optional.of("tok"), Optional.of("http://127.0.0.1:9001"), Optional.empty()).isPresent());
  }

  @ParameterizedTest
  @CsvSource({
      "http://127.0.0.1:9001, 127.0.0.1:9001, true",
      "http://LOCALHOST:9001, localhost:9001, true",
      "http://example.com, example.com, true",
      "http://example.com, example.com:80, true",
      "https://example.com, example.com:443, true",
      "http://example.com:8080, example.com, false",
      "http://127.0.0.1:9002, 127.0.0.1:9001, false",
      "http://evil.example, 127.0.0.1:9001, false",
      "null, 127.0.0.1:9001, false",
      "http://[::1]:9001, [::1]:9001, true",
  })
  void sameHost(String origin, String host, boolean same) {
    assertEquals(same, CsrfGuard.sameHost(origin, host));
  }

  @Test
  void randomTokensDiffer() {
    assertNotEquals(CsrfGuard.random().token(), CsrfGuard.random().token());
    assertTrue(CsrfGuard.random().token().length() >= 32);
  }
}
