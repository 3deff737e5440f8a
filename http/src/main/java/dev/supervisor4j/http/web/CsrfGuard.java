package dev.supervisor4j.http.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Cross-site request forgery checks for every state-changing request, which must be a POST that
 * (1) carries the console's token, in the {@value #HEADER} header or the {@value #FIELD} form field,
 * and (2) has no {@code Origin} header, or one naming the host the request was sent to.
 *
 * <p>The token is random, made once per console (so once per daemon run) and the same for every
 * page; pages embed it and scripts read it from {@code GET /api/v1/processes}. Another site can
 * make a browser send a request with the operator's Basic credentials, but cannot read our pages
 * to learn the token. The check on {@code Origin} is a second lock for browsers that send it.
 */
final class CsrfGuard {
  static final String HEADER = "X-CSRF-Token";
  static final String FIELD = "csrf";

  private final String token;

  CsrfGuard(String token) {
    this.token = token;
  }

  static CsrfGuard random() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return new CsrfGuard(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  String token() {
    return token;
  }

  /**
   * Why the request must be refused, or empty when it may go on.
   *
   * @param given  the token sent (header or form field), if any
   * @param origin the raw {@code Origin} header, if any
   * @param host   the raw {@code Host} header, if any
   */
  Optional<String> refuse(Optional<String> given, Optional<String> origin, Optional<String> host) {
    if (origin.isPresent() && !sameHost(origin.get(), host.orElse(""))) {
      return Optional.of("cross-origin request refused");
    }
    if (given.isEmpty() || !MessageDigest.isEqual(given.get().getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8))) {
      return Optional.of("missing or wrong CSRF token");
    }
    return Optional.empty();
  }

  /** Whether {@code origin} ({@code http://h:p}) names the same host and port as {@code host} ({@code h:p}). */
  static boolean sameHost(String origin, String host) {
    URI uri;
    try {
      uri = new URI(origin.strip());
    } catch (Exception e) {
      return false; // "null" (a sandboxed frame, a file:) and junk are foreign
    }
    if (uri.getHost() == null || uri.getScheme() == null) {
      return false;
    }
    int defaultPort = uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    String originHost = uri.getHost().toLowerCase(Locale.ROOT);
    int originPort = uri.getPort() < 0 ? defaultPort : uri.getPort();
    URI hostUri;
    try {
      hostUri = new URI("http://" + host.strip());
    } catch (Exception e) {
      return false;
    }
    if (hostUri.getHost() == null) {
      return false;
    }
    int hostPort = hostUri.getPort() < 0 ? defaultPort : hostUri.getPort();
    return originHost.equals(hostUri.getHost().toLowerCase(Locale.ROOT)) && originPort == hostPort;
  }
}
