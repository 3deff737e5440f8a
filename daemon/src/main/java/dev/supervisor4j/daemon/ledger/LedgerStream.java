package dev.supervisor4j.daemon.ledger;

import com.typesafe.config.Config;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.RecoveryFailed;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EffectBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One event-sourced stream of the ledger: a process ({@code process|group:name}) or the daemon's
 * own ({@code daemon}: operator actions, reloads, starts and stops). Its state is its queryable
 * history, bounded by {@code max} events.
 *
 * <p>Batching: a process stream buffers the state changes it is told (with no one waiting for
 * them) and writes them as one {@link LedgerEvent.StateChanges} row once the oldest has waited
 * {@link #BATCH_WINDOW} or {@link #BATCH_SIZE} are waiting, and before anything else it writes;
 * {@link Read} answers with the buffer applied and {@link Flush} writes it first. A crash loop
 * thus costs one journal row a second per process, not one per change; a kill -9 loses at most
 * the last second of state changes. One exception: a STARTING change that carries the new child's
 * identity is written at once when the stream has written nothing for a window, so that the pid of
 * a child that may outlive a crashed daemon is in the journal before the crash (the orphan search
 * at the next start needs it); see {@link #newChildAfterQuiet}. The daemon stream does not batch:
 * an operator's answer waits for its own action.
 *
 * <p>Retention: a snapshot every {@code max / 2} entries, the changes inside a batch counted one by
 * one; and at every {@code max / 2}-th journal row a snapshot after which the rows (and snapshots)
 * before the previous such one are deleted, so the journal holds at most {@code max} rows per
 * stream. The cost is a snapshot write (the whole bounded state) every {@code max / 2} changes.
 */
public final class LedgerStream extends EventSourcedBehavior<LedgerStream.Command, LedgerEvent, LedgerState> {

  /** What a stream receives. */
  public sealed interface Command {}

  /** Persist {@code event}; {@code replyTo} (may be null) hears once it is written. */
  public record Append(LedgerEvent event, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /** Persist a trim when anything kept is older than {@code cutoffMillis}. */
  public record Trim(long nowMillis, long cutoffMillis) implements Command {}

  /** The state, once every earlier command is done, with the buffered state changes applied. */
  public record Read(ActorRef<LedgerState> replyTo) implements Command {}

  /** Write the buffered state changes, then answer the state. */
  public record Flush(ActorRef<LedgerState> replyTo) implements Command {}

  /** The batch window has passed: write the buffer. */
  private enum WindowClosed implements Command { INSTANCE }

  /** The longest a state change waits in the buffer. */
  static final Duration BATCH_WINDOW = Duration.ofSeconds(1);
  /** The most state changes in one batch. */
  static final int BATCH_SIZE = 64;

  /** Tells the stream's owner how recovery went. */
  public sealed interface Status {}

  public record Recovered(String stream) implements Status {}

  public record Failed(String stream, Throwable cause) implements Status {}

  private final String stream;
  private final int max;
  private final ActorRef<Status> owner;
  private final Plugins plugins;
  private final ActorContext<Command> ctx;
  private final TimerScheduler<Command> timers;
  private final boolean batching;
  /** State changes told but not yet written, oldest first. */
  private final List<LedgerEvent.ProcessStateChanged> buffer = new ArrayList<>();
  /** Entries written (or, while recovering, replayed) since the last snapshot. */
  private int sinceSnapshot;
  private boolean recovering = true;
  /** The sequence number shouldSnapshot last saw. */
  private long lastAsked;
  /** When this stream last wrote a row ({@link #nanoTime}); a window ago at first. */
  private long lastWriteNanos;
  private final LongSupplier nanoTime;

  private LedgerStream(String stream, int max, ActorRef<Status> owner, Plugins plugins,
      ActorContext<Command> ctx, TimerScheduler<Command> timers, LongSupplier nanoTime) {
    super(PersistenceId.ofUniqueId(stream));
    this.nanoTime = nanoTime;
    this.lastWriteNanos = nanoTime.getAsLong() - BATCH_WINDOW.toNanos();
    this.stream = stream;
    this.max = max;
    this.owner = owner;
    this.plugins = plugins;
    this.ctx = ctx;
    this.timers = timers;
    this.batching = !stream.equals(DAEMON);
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
    return create(stream, max, owner, Plugins.of(journal), System::nanoTime);
  }

  /** @param plugins the journal and snapshot plugins, with their config when not the actor system's */
  public static Behavior<Command> create(String stream, int max, ActorRef<Status> owner, Plugins plugins) {
    return create(stream, max, owner, plugins, System::nanoTime);
  }

  /** @param nanoTime the clock of {@link #newChildAfterQuiet} ({@link System#nanoTime}; tests move it) */
  static Behavior<Command> create(String stream, int max, ActorRef<Status> owner, String journal,
      LongSupplier nanoTime) {
    return create(stream, max, owner, Plugins.of(journal), nanoTime);
  }

  private static Behavior<Command> create(String stream, int max, ActorRef<Status> owner, Plugins plugins,
      LongSupplier nanoTime) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
        new LedgerStream(stream, max, owner, plugins, ctx, timers, nanoTime)));
  }

  /**
   * The journal and snapshot-store plugins of a stream: their ids ({@code ""}: the actor system's
   * default) and, when they are not in the actor system's config, the config that defines them
   * (Pekko's runtime plugin config: a ledger can be opened on another journal without a new actor
   * system).
   */
  public record Plugins(String journal, String snapshot, Optional<Config> config) {
    public static Plugins of(String journal) {
      return new Plugins(journal, "", Optional.empty());
    }

    /** The same snapshot store and config, another journal. */
    public Plugins withJournal(String id) {
      return new Plugins(id, snapshot, config);
    }
  }

  @Override
  public String journalPluginId() {
    return plugins.journal();
  }

  @Override
  public Optional<Config> journalPluginConfig() {
    return plugins.config();
  }

  @Override
  public String snapshotPluginId() {
    return plugins.snapshot();
  }

  @Override
  public Optional<Config> snapshotPluginConfig() {
    return plugins.config();
  }

  /** The longest persistence id (the journal's column holds 255 characters). */
  static final int MAX_ID = 255;

  /**
   * {@code process|group:name}; when that is longer than {@link #MAX_ID}, its start and a hash of
   * the whole (a program's name has no length limit in the config).
   */
  public static String processStream(String group, String name) {
    // Capped as the events' names are, so that a query by the full name finds what was recorded.
    String id = "process|" + LedgerEvent.capped(group) + ":" + LedgerEvent.capped(name);
    if (id.length() <= MAX_ID) {
      return id;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(id.getBytes(StandardCharsets.UTF_16BE)); // every char, surrogates too
      String hex = HexFormat.of().formatHex(hash);
      int keep = MAX_ID - hex.length() - 1;
      if (Character.isHighSurrogate(id.charAt(keep - 1))) {
        keep--;
      }
      return id.substring(0, keep) + "#" + hex;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has SHA-256
    }
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
        .onCommand(Read.class, (state, read) -> Effect().reply(read.replyTo(), withBuffer(state)))
        .onCommand(Flush.class, (state, flush) -> persist(List.of()).thenReply(flush.replyTo(), s -> s))
        .onCommand(WindowClosed.class, (state, closed) -> persist(List.of()))
        .build();
  }

  private Effect<LedgerEvent, LedgerState> onAppend(Append append) {
    if (batching && append.replyTo() == null && append.event() instanceof LedgerEvent.ProcessStateChanged c) {
      buffer.add(c);
      if (buffer.size() >= BATCH_SIZE || newChildAfterQuiet(c)) {
        return persist(List.of());
      }
      if (buffer.size() == 1) {
        timers.startSingleTimer(WindowClosed.INSTANCE, BATCH_WINDOW);
      }
      return Effect().none();
    }
    return persist(List.of(append.event())).thenRun(state -> {
      if (append.replyTo() != null) {
        append.replyTo().tell(StatusReply.ack());
      }
    });
  }

  private Effect<LedgerEvent, LedgerState> onTrim(LedgerState state, Trim trim) {
    long oldest = withBuffer(state).oldestMillis();
    if (oldest < 0 || oldest >= trim.cutoffMillis()) {
      return Effect().none();
    }
    return persist(List.of(new LedgerEvent.HistoryTrimmed(trim.nowMillis(), trim.cutoffMillis())));
  }

  /**
   * A new child whose identity is known, and no row of this stream written for a window: written at
   * once (with the buffer before it), so that a {@code kill -9} of the daemon right after the spawn
   * still leaves its pid to find. A child spawned less than a window after the previous write waits
   * for the window as before: a crash loop writes at most two rows a window per process.
   */
  private boolean newChildAfterQuiet(LedgerEvent.ProcessStateChanged c) {
    return c.child() != null && nanoTime.getAsLong() - lastWriteNanos >= BATCH_WINDOW.toNanos();
  }

  /** Persists the buffered state changes (as one batch), then {@code events}, in that order. */
  private EffectBuilder<LedgerEvent, LedgerState> persist(List<LedgerEvent> events) {
    List<LedgerEvent> all = new ArrayList<>(events.size() + 1);
    if (!buffer.isEmpty()) {
      all.add(new LedgerEvent.StateChanges(buffer));
      buffer.clear();
      timers.cancel(WindowClosed.INSTANCE);
    }
    all.addAll(events);
    if (all.isEmpty()) {
      return Effect().none();
    }
    lastWriteNanos = nanoTime.getAsLong();
    return Effect().persist(all);
  }

  private LedgerState withBuffer(LedgerState state) {
    LedgerState next = state;
    for (LedgerEvent.ProcessStateChanged c : buffer) {
      next = next.apply(c, max);
    }
    return next;
  }

  @Override
  public EventHandler<LedgerState, LedgerEvent> eventHandler() {
    return (state, event) -> {
      if (recovering) {
        sinceSnapshot += entries(event);
      }
      return state.apply(event, max);
    };
  }

  private static int entries(LedgerEvent event) {
    return event instanceof LedgerEvent.StateChanges batch ? batch.changes().size() : 1;
  }

  private int snapshotEvery() {
    return Math.max(5, max / 2);
  }

  /**
   * A snapshot every {@code max / 2} entries, batches counted change by change. Pekko asks this only
   * when {@link #retentionCriteria()} does not take a snapshot itself (at every {@code max / 2}-th
   * row): such a snapshot restarts the count.
   */
  @Override
  public boolean shouldSnapshot(LedgerState state, LedgerEvent event, long sequenceNr) {
    int every = snapshotEvery();
    if (sequenceNr % every == 0 || (sequenceNr - 1) / every != lastAsked / every) {
      sinceSnapshot = 0;
    }
    lastAsked = sequenceNr;
    if (sequenceNr % every == 0) {
      return false;
    }
    sinceSnapshot += entries(event);
    if (sinceSnapshot < every) {
      return false;
    }
    sinceSnapshot = 0;
    return true;
  }

  /** A snapshot every {@code max / 2} rows deletes the rows before the previous one. */
  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(snapshotEvery(), 1).withDeleteEventsOnSnapshot();
  }

  @Override
  public SignalHandler<LedgerState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> {
          recovering = false;
          lastAsked = lastSequenceNumber(ctx);
          owner.tell(new Recovered(stream));
        })
        .onSignal(RecoveryFailed.class, (state, failed) -> owner.tell(new Failed(stream, failed.getFailure())))
        .build();
  }
}
