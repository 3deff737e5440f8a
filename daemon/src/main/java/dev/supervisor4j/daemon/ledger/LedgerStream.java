package dev.supervisor4j.daemon.ledger;

import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.RecoveryFailed;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One event-sourced stream of the ledger: a process ({@code process|group:name}) or the daemon's
 * own ({@code daemon}: operator actions, reloads, starts and stops). Its state is its queryable
 * history, bounded by {@code max} events.
 *
 * <p>Retention: a snapshot every {@code max / 2} events; the one before it is kept, and the events
 * before that one deleted, so the journal holds at most {@code max} events and two snapshots per
 * stream. The cost is a snapshot write (the whole bounded state) every {@code max / 2} events.
 */
public final class LedgerStream extends EventSourcedBehavior<LedgerStream.Command, LedgerEvent, LedgerState> {

  /** What a stream receives. */
  public sealed interface Command {}

  /** Persist {@code event}; {@code replyTo} (may be null) hears once it is written. */
  public record Append(LedgerEvent event, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /** Persist a trim when anything kept is older than {@code cutoffMillis}. */
  public record Trim(long nowMillis, long cutoffMillis) implements Command {}

  /** The state, once every earlier command is done. */
  public record Read(ActorRef<LedgerState> replyTo) implements Command {}

  /** Tells the stream's owner how recovery went. */
  public sealed interface Status {}

  public record Recovered(String stream) implements Status {}

  public record Failed(String stream, Throwable cause) implements Status {}

  private final String stream;
  private final int max;
  private final ActorRef<Status> owner;
  private final String journal;

  private LedgerStream(String stream, int max, ActorRef<Status> owner, String journal) {
    super(PersistenceId.ofUniqueId(stream));
    this.stream = stream;
    this.max = max;
    this.owner = owner;
    this.journal = journal;
  }

  /**
   * @param stream the persistence id: {@code daemon} or {@code process|group:name}
   * @param max    the events kept (max_events_per_process)
   * @param owner  told {@link Recovered} or {@link Failed}
   */
  public static Behavior<Command> create(String stream, int max, ActorRef<Status> owner) {
    return create(stream, max, owner, "");
  }

  /** @param journal the journal plugin id, {@code ""} for the default one */
  public static Behavior<Command> create(String stream, int max, ActorRef<Status> owner, String journal) {
    return Behaviors.setup(ctx -> new LedgerStream(stream, max, owner, journal));
  }

  @Override
  public String journalPluginId() {
    return journal;
  }

  public static String processStream(String group, String name) {
    return "process|" + group + ":" + name;
  }

  public static final String DAEMON = "daemon";

  @Override
  public LedgerState emptyState() {
    return LedgerState.empty();
  }

  @Override
  public CommandHandler<Command, LedgerEvent, LedgerState> commandHandler() {
    return newCommandHandlerBuilder().forAnyState()
        .onCommand(Append.class, this::onAppend)
        .onCommand(Trim.class, this::onTrim)
        .onCommand(Read.class, (state, read) -> Effect().reply(read.replyTo(), state))
        .build();
  }

  private Effect<LedgerEvent, LedgerState> onAppend(Append append) {
    return Effect().persist(append.event()).thenRun(state -> {
      if (append.replyTo() != null) {
        append.replyTo().tell(StatusReply.ack());
      }
    });
  }

  private Effect<LedgerEvent, LedgerState> onTrim(LedgerState state, Trim trim) {
    long oldest = state.oldestMillis();
    if (oldest < 0 || oldest >= trim.cutoffMillis()) {
      return Effect().none();
    }
    return Effect().persist(new LedgerEvent.HistoryTrimmed(trim.nowMillis(), trim.cutoffMillis()));
  }

  @Override
  public EventHandler<LedgerState, LedgerEvent> eventHandler() {
    return (state, event) -> state.apply(event, max);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(Math.max(5, max / 2), 1).withDeleteEventsOnSnapshot();
  }

  @Override
  public SignalHandler<LedgerState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> owner.tell(new Recovered(stream)))
        .onSignal(RecoveryFailed.class, (state, failed) -> owner.tell(new Failed(stream, failed.getFailure())))
        .build();
  }
}
