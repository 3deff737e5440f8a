package dev.supervisor4j.protocol;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The failure inside the wrappers that CompletableFuture adds. */
public final class Failures {
  private Failures() {}

  /** The exception inside {@link CompletionException} and {@link ExecutionException} wrappers. */
  public static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
