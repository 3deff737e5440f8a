package dev.supervisor4j.http;

import java.util.concurrent.CompletionException;

/** The failure inside the wrappers that CompletableFuture adds. */
final class Causes {
  private Causes() {}

  static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
