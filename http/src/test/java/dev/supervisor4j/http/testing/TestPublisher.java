package dev.supervisor4j.http.testing;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;

/**
 * A log stream the test drives: {@link #emit} sends one element once somebody subscribed;
 * {@link #cancelled} completes when the subscriber goes away (the HTTP client disconnected).
 */
public final class TestPublisher implements Flow.Publisher<byte[]> {
  private final SubmissionPublisher<byte[]> inner = new SubmissionPublisher<>();
  private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
  private final CompletableFuture<Void> cancelled = new CompletableFuture<>();

  @Override
  public void subscribe(Flow.Subscriber<? super byte[]> subscriber) {
    inner.subscribe(new Flow.Subscriber<byte[]>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscriber.onSubscribe(new Flow.Subscription() {
          @Override
          public void request(long n) {
            subscription.request(n);
          }

          @Override
          public void cancel() {
            subscription.cancel();
            cancelled.complete(null);
          }
        });
      }

      @Override
      public void onNext(byte[] item) {
        subscriber.onNext(item);
      }

      @Override
      public void onError(Throwable error) {
        subscriber.onError(error);
      }

      @Override
      public void onComplete() {
        subscriber.onComplete();
      }
    });
    subscribed.complete(null);
  }

  /** Waits for the subscriber, then sends {@code text} as one element. */
  public void emit(String text) {
    subscribed.orTimeout(10, TimeUnit.SECONDS).join();
    inner.submit(text.getBytes(StandardCharsets.UTF_8));
  }

  public CompletableFuture<Void> cancelled() {
    return cancelled;
  }

  public boolean isSubscribed() {
    return subscribed.isDone();
  }
}
