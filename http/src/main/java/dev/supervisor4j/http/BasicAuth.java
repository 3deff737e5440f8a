package dev.supervisor4j.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * supervisord's Basic authentication check for one listener, as a pure function of the
 * {@code Authorization} header value. One user per listener.
 *
 * <p>As supervisord: the scheme is matched case-insensitively; the rest is base64 that tolerates
 * stray characters but not bad padding; the text is split on the <em>first</em> colon, so a password
 * may contain colons; a stored password starting {@code {SHA}} is compared with the lower-case hex
 * SHA-1 of the given one, any other by plain equality.
 *
 * <p>Deviation: credentials without a colon get 401; supervisord crashes on them and answers 500.
 */
final class BasicAuth {
  /** What to do with a request. */
  enum Outcome {
    /** Credentials match: serve the request. */
    ALLOW,
    /** Missing, another scheme, or wrong user or password: 401. */
    DENY,
    /** Undecodable credentials: 400. */
    MALFORMED
  }

  private final String username;
  private final String password;

  BasicAuth(String username, String password) {
    this.username = username;
    this.password = password == null ? "" : password;
  }

  /** The one user this listener accepts. */
  String username() {
    return username;
  }

  Outcome check(Optional<String> authorization) {
    if (authorization.isEmpty()) {
      return Outcome.DENY;
    }
    String value = authorization.get().strip();
    int space = value.indexOf(' ');
    String scheme = space < 0 ? value : value.substring(0, space);
    if (space < 0 || !scheme.equalsIgnoreCase("basic")) {
      return Outcome.DENY;
    }
    Optional<String> decoded = decode(value.substring(space + 1));
    if (decoded.isEmpty()) {
      return Outcome.MALFORMED;
    }
    String text = decoded.get();
    int colon = text.indexOf(':');
    if (colon < 0) {
      return Outcome.DENY;
    }
    boolean ok = text.substring(0, colon).equals(username) && passwordMatches(text.substring(colon + 1));
    return ok ? Outcome.ALLOW : Outcome.DENY;
  }

  /**
   * Like Python's {@code base64.decodebytes}: characters outside the alphabet are skipped, a length
   * that is not a multiple of four is an error. The result must be UTF-8.
   */
  private static Optional<String> decode(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
          || c == '/' || c == '=') {
        kept.append(c);
      }
    }
    if (kept.length() % 4 != 0) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(kept.toString());
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString());
    } catch (IllegalArgumentException | CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private boolean passwordMatches(String given) {
    if (password.startsWith("{SHA}")) {
      return constantTimeEquals(password.substring(5), sha1Hex(given));
    }
    return constantTimeEquals(password, given);
  }

  // Not in supervisord (it uses ==); costs nothing and does not leak the password's prefix by timing.
  private static boolean constantTimeEquals(String expected, String given) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8));
  }

  static String sha1Hex(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-1", e);
    }
  }
}
