package dev.supervisor4j.daemon.ledger;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.pattern.StatusReply;

/**
 * How the API and the signal handlers write to the ledger. {@link #acted} waits until the action is
 * in the journal (at most {@link #WRITE_WAIT}), so that an acknowledged action survives a crash; it
 * never fails: if history is unavailable, the caller's answer is only late by nothing or by the wait.
 */
public final class ActionLog {
  /** The longest an operator's answer waits for the action to be written. */
  public static final Duration WRITE_WAIT = Duration.ofSeconds(2);

  private final ActorRef<LedgerMsg> ledger;
  private final Scheduler scheduler;

  public ActionLog(ActorRef<LedgerMsg> ledger, Scheduler scheduler) {
    this.ledger = ledger;
    this.scheduler = scheduler;
  }

  /** Records the action; the stage completes once it is written, refused, or after the wait. */
  public CompletionStage<Void> acted(LedgerEvent.OperatorActed action) {
    return AskPattern.<LedgerMsg, StatusReply<Done>>ask(ledger,
            replyTo -> new LedgerMsg.RecordAction(action, replyTo), WRITE_WAIT, scheduler)
        .handle((reply, error) -> null);
  }

  /** Records a fact without waiting. */
  public void note(LedgerEvent event) {
    ledger.tell(new LedgerMsg.Record(event));
  }
}
