package dev.supervisor4j.http;

import org.apache.pekko.http.javadsl.model.AttributeKey;
import org.apache.pekko.http.javadsl.model.HttpRequest;

/** Carries the {@link Caller} on each request, from the connection and the auth check to the routes. */
final class CallerAttribute {
  private CallerAttribute() {}

  static final AttributeKey<Caller> KEY = AttributeKey.create("supervisor4j-caller", Caller.class);

  static Caller of(HttpRequest request) {
    return request.getAttribute(KEY).orElse(Caller.UNKNOWN);
  }

  static HttpRequest with(HttpRequest request, Caller caller) {
    return request.addAttribute(KEY, caller);
  }
}
