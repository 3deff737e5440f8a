package dev.supervisor4j.daemon.ledger;

import java.time.Duration;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.pattern.StatusReply;

/**
 * The ledger's one address for the daemon's lifetime: the API, the event feed and the signal
 * handlers hold this, and it forwards to the {@link Ledger} of the current {@code [history]}
 * settings, or answers for it when history is off. A restart that changes {@code [history]} sends
 * {@link LedgerMsg.Switch}: the ledger in place writes what it has, stops (its journal's plugins
 * are then stopped, closing their connections) and the next one takes its place, all in the same
 * actor system. What arrives meanwhile waits (boundedly) for the next ledger.
 *
 * <p>The cost: every record goes through one more mailbox.
 */
public final class LedgerSwitch {
  /** How long the ledger being closed may take to write what it has. */
  static final Duration FLUSH_WAIT = Duration.ofSeconds(4);
  /** What a question gets while history is off. */
  public static final String OFF = "history is disabled ([history] enabled = false)";

  private final ActorContext<LedgerMsg> ctx;
  private final StashBuffer<LedgerMsg> stash;
  private final DispatcherSelector dispatcher;
  private int opened;

  private LedgerSwitch(ActorContext<LedgerMsg> ctx, StashBuffer<LedgerMsg> stash, DispatcherSelector dispatcher) {
    this.ctx = ctx;
    this.stash = stash;
    this.dispatcher = dispatcher;
  }

  /**
   * @param first      the first ledger, null when history is off
   * @param closeFirst run once the first ledger has stopped
   * @param dispatcher where each ledger runs
   */
  public static Behavior<LedgerMsg> create(Behavior<LedgerMsg> first, Runnable closeFirst,
      DispatcherSelector dispatcher) {
    return Behaviors.setup(ctx -> Behaviors.withStash(Ledger.BUFFER, stash -> {
      LedgerSwitch s = new LedgerSwitch(ctx, stash, dispatcher);
      return s.begin(first, closeFirst);
    }));
  }

  private Behavior<LedgerMsg> begin(Behavior<LedgerMsg> ledger, Runnable close) {
    if (ledger == null) {
      return off();
    }
    return on(ctx.spawn(ledger, "ledger-" + (++opened), dispatcher), close);
  }

  // ---- on: a ledger in place -------------------------------------------------------------------

  private Behavior<LedgerMsg> on(ActorRef<LedgerMsg> ledger, Runnable close) {
    return Behaviors.receive(LedgerMsg.class)
        .onMessage(LedgerMsg.Switch.class, s -> {
          // A ledger that has not opened its journal yet still writes what it buffered.
          ledger.tell(LedgerMsg.Open.INSTANCE);
          ctx.ask(Done.class, ledger, FLUSH_WAIT, LedgerMsg.Flush::new, (done, failure) -> new LedgerMsg.Flushed(s));
          return switching(ledger, close);
        })
        .onAnyMessage(m -> {
          ledger.tell(m);
          return Behaviors.same();
        })
        .build();
  }

  /** The ledger in place is writing what it has, then stops; everything else waits. */
  private Behavior<LedgerMsg> switching(ActorRef<LedgerMsg> ledger, Runnable close) {
    return Behaviors.receive(LedgerMsg.class)
        .onMessage(LedgerMsg.Flushed.class, f -> {
          ctx.watchWith(ledger, new LedgerMsg.Closed(f.pending()));
          ctx.stop(ledger);
          return Behaviors.same();
        })
        .onMessage(LedgerMsg.Closed.class, c -> {
          close.run();
          Behavior<LedgerMsg> next = begin(c.pending().next(), c.pending().closeNext());
          c.pending().replyTo().tell(Done.getInstance());
          return stash.unstashAll(next);
        })
        .onAnyMessage(this::keep)
        .build();
  }

  private Behavior<LedgerMsg> keep(LedgerMsg m) {
    if (stash.isFull()) {
      return answerOff(m, "history unavailable: the journal is being reopened"); // dropped, or answered
    }
    stash.stash(m);
    return Behaviors.same();
  }

  // ---- off: history disabled -------------------------------------------------------------------

  private Behavior<LedgerMsg> off() {
    return Behaviors.receive(LedgerMsg.class)
        .onMessage(LedgerMsg.Switch.class, s -> {
          Behavior<LedgerMsg> next = begin(s.next(), s.closeNext());
          s.replyTo().tell(Done.getInstance());
          return next;
        })
        .onAnyMessage(m -> answerOff(m, OFF))
        .build();
  }

  /** What a message gets when there is no ledger to take it: records are dropped, questions answered. */
  private static Behavior<LedgerMsg> answerOff(LedgerMsg m, String why) {
    if (m instanceof LedgerMsg.RecordAction a) {
      a.replyTo().tell(StatusReply.error(why));
    } else if (m instanceof LedgerMsg.GetStreams g) {
      g.replyTo().tell(StatusReply.error(why));
    } else if (m instanceof LedgerMsg.GetRememberedStopped g) {
      g.replyTo().tell(Set.of());
    } else if (m instanceof LedgerMsg.Flush f) {
      f.replyTo().tell(Done.getInstance());
    }
    return Behaviors.same();
  }
}
