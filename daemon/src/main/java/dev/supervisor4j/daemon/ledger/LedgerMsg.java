package dev.supervisor4j.daemon.ledger;

import java.util.List;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.pattern.StatusReply;

/** Everything the {@link Ledger} receives (through its {@link LedgerSwitch}). */
public sealed interface LedgerMsg {
  /** Open the journal now (the daemon sends this once its processes are spawned). */
  enum Open implements LedgerMsg { INSTANCE }

  /** Record a fact; never answered, never waited for. */
  record Record(LedgerEvent event) implements LedgerMsg {}

  /**
   * Record an operator action and answer once it is in the journal, so that an acknowledged action
   * survives a {@code kill -9}; answered with an error when history is unavailable.
   */
  record RecordAction(LedgerEvent.OperatorActed action, ActorRef<StatusReply<Done>> replyTo)
      implements LedgerMsg {}

  /**
   * The streams to read for a query: the daemon's and one per named process ({@code group:name}),
   * or an error saying why history is unavailable.
   */
  record GetStreams(List<String> processes, ActorRef<StatusReply<Streams>> replyTo) implements LedgerMsg {}

  /** The answer to {@link GetStreams}: read each with {@link LedgerStream.Read}. */
  record Streams(ActorRef<LedgerStream.Command> daemon, List<ActorRef<LedgerStream.Command>> processes) {
    public Streams {
      processes = List.copyOf(processes);
    }
  }

  /** The processes an operator stopped (remember_stopped); empty when history is unavailable. */
  record GetRememberedStopped(ActorRef<Set<String>> replyTo) implements LedgerMsg {}

  /** Answers once everything recorded so far is written (or after a few seconds): before exit. */
  record Flush(ActorRef<Done> replyTo) implements LedgerMsg {}

  /**
   * For the {@link LedgerSwitch}: write what the ledger has, close it, and go on with {@code next}
   * (null: history off); {@code closeNext} runs once {@code next} has stopped in its turn (it closes
   * its journal's connections). Answered once the switch is made.
   */
  record Switch(Behavior<LedgerMsg> next, Runnable closeNext, ActorRef<Done> replyTo) implements LedgerMsg {}

  /** Self-sent by the {@link LedgerSwitch}: the ledger being closed has written what it had. */
  record Flushed(Switch pending) implements LedgerMsg {}

  /** Self-sent by the {@link LedgerSwitch}: the ledger being closed has stopped. */
  record Closed(Switch pending) implements LedgerMsg {}

  /** Self-sent: a stream reported on its recovery. */
  record StreamStatus(LedgerStream.Status status) implements LedgerMsg {}

  /** Self-sent: a stream stopped (a write failed). */
  record StreamStopped(String stream) implements LedgerMsg {}

  /** Self-sent: time to apply retention_days, or to try the journal again after a failure. */
  enum Tick implements LedgerMsg { INSTANCE }

  /** Self-sent: the daemon stream's remembered stops were read (empty when the read failed). */
  record Remembered(Set<String> processes, ActorRef<Set<String>> replyTo) implements LedgerMsg {}

  /** Self-sent: the quiet period before a flush is over. */
  record FlushNow(ActorRef<Done> replyTo) implements LedgerMsg {}
}
