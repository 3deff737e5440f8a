package dev.supervisor4j.daemon.ledger;

import dev.supervisor4j.daemon.actor.Collector;
import dev.supervisor4j.daemon.log.MainLog;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.pattern.StatusReply;

/**
 * The ledger: routes facts to one {@link LedgerStream} per process plus the daemon's own, and
 * decides whether history is available. Supervision never waits for it: records are told, never
 * asked, and while the journal is opening, failed or slow they are buffered (boundedly) or dropped.
 *
 * <p>Three behaviours: {@code closed} (before {@link LedgerMsg.Open} or the first question: records
 * are buffered),
 * {@code open} (records go to their streams; a stream that fails recovery or a write makes history
 * unavailable) and {@code failed} (records are counted and dropped, queries answer with the reason,
 * and the journal is tried again every minute). Going to {@code failed} is logged at CRIT.
 */
public final class Ledger {
  /** Records kept while the journal is not open yet; older ones are dropped beyond this. */
  static final int BUFFER = 50_000;
  /** A journal slow to open under a saturated CPU is not a failed one; a broken one fails sooner. */
  static final Duration OPEN_TIMEOUT = Duration.ofSeconds(60);
  static final Duration RETRY_EVERY = Duration.ofSeconds(60);
  static final Duration TRIM_EVERY = Duration.ofHours(1);
  static final Duration FLUSH_QUIET = Duration.ofMillis(200);
  static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(3);

  private final ActorContext<LedgerMsg> ctx;
  private final TimerScheduler<LedgerMsg> timers;
  private final int max;
  private final int retentionDays;
  private final String where;
  private final Clock clock;
  private final LedgerStream.Plugins processPlugins;
  private final LedgerStream.Plugins actionPlugins;
  private final ActorRef<LedgerStream.Status> statusAdapter;
  private final Map<String, ActorRef<LedgerStream.Command>> streams = new HashMap<>();
  private int generation;
  private long spawned;
  private long dropped;
  private boolean daemonRecovered;
  private final List<ActorRef<Set<String>>> waitingForDaemon = new ArrayList<>();

  private Ledger(ActorContext<LedgerMsg> ctx, TimerScheduler<LedgerMsg> timers, int max, int retentionDays,
      String where, Clock clock, LedgerStream.Plugins processPlugins, LedgerStream.Plugins actionPlugins) {
    this.processPlugins = processPlugins;
    this.actionPlugins = actionPlugins;
    this.ctx = ctx;
    this.timers = timers;
    this.max = max;
    this.retentionDays = retentionDays;
    this.where = where;
    this.clock = clock;
    this.statusAdapter = ctx.messageAdapter(LedgerStream.Status.class, LedgerMsg.StreamStatus::new);
  }

  /**
   * @param max           max_events_per_process
   * @param retentionDays retention_days, 0 for none
   * @param where         the journal, for messages (its URL without credentials)
   */
  public static Behavior<LedgerMsg> create(int max, int retentionDays, String where, Clock clock) {
    return create(max, retentionDays, where, clock, "");
  }

  /**
   * @param actionsJournal the journal plugin of the daemon stream ({@code ""}: the default one). A
   *                       plugin of its own gives operator actions their own write queue, so that
   *                       an answer waiting for its action is not queued behind a crash loop's
   *                       state changes.
   */
  public static Behavior<LedgerMsg> create(int max, int retentionDays, String where, Clock clock,
      String actionsJournal) {
    return create(max, retentionDays, where, clock, LedgerStream.Plugins.of(""),
        LedgerStream.Plugins.of(actionsJournal));
  }

  /**
   * @param processPlugins the plugins of the process streams
   * @param actionPlugins  the plugins of the daemon stream (its journal a plugin of its own)
   */
  public static Behavior<LedgerMsg> create(int max, int retentionDays, String where, Clock clock,
      LedgerStream.Plugins processPlugins, LedgerStream.Plugins actionPlugins) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
        new Ledger(ctx, timers, max, retentionDays, where, clock, processPlugins, actionPlugins)
            .closed(new ArrayDeque<>())));
  }

  // ---- closed: before the journal is opened ---------------------------------------------------

  private Behavior<LedgerMsg> closed(Deque<LedgerMsg> buffer) {
    return Behaviors.receive(LedgerMsg.class)
        .onMessage(LedgerMsg.Open.class, o -> open(buffer))
        .onMessage(LedgerMsg.Record.class, r -> buffer(buffer, r))
        .onMessage(LedgerMsg.RecordAction.class, r -> buffer(buffer, r))
        // A question opens the journal at once rather than waiting for the delayed Open.
        .onMessage(LedgerMsg.GetStreams.class, g -> openFor(buffer, () -> onGetStreams(g)))
        .onMessage(LedgerMsg.GetRememberedStopped.class, g -> openFor(buffer, () -> onGetRemembered(g)))
        .onMessage(LedgerMsg.Flush.class, f -> done(f.replyTo()))
        .build();
  }

  private Behavior<LedgerMsg> buffer(Deque<LedgerMsg> buffer, LedgerMsg msg) {
    if (buffer.size() >= BUFFER) {
      buffer.removeFirst();
      dropped++;
    }
    buffer.addLast(msg);
    return Behaviors.same();
  }

  private Behavior<LedgerMsg> openFor(Deque<LedgerMsg> buffer, Runnable question) {
    Behavior<LedgerMsg> next = open(buffer);
    question.run();
    return next;
  }

  private Behavior<LedgerMsg> open(Deque<LedgerMsg> buffer) {
    generation++;
    stream(LedgerStream.DAEMON);
    timers.startSingleTimer("opening", new LedgerMsg.StreamStatus(new LedgerStream.Failed(
        LedgerStream.DAEMON, new TimeoutException(
            "the journal did not open within " + OPEN_TIMEOUT.toSeconds() + " s"))), OPEN_TIMEOUT);
    if (retentionDays > 0) {
      timers.startTimerWithFixedDelay("trim", LedgerMsg.Tick.INSTANCE, Duration.ofMinutes(1), TRIM_EVERY);
    }
    buffer.forEach(this::route);
    return open();
  }

  // ---- open --------------------------------------------------------------------------------

  private Behavior<LedgerMsg> open() {
    return Behaviors.receive(LedgerMsg.class)
        .onMessage(LedgerMsg.Open.class, o -> Behaviors.same())
        .onMessage(LedgerMsg.Record.class, this::route)
        .onMessage(LedgerMsg.RecordAction.class, this::route)
        .onMessage(LedgerMsg.GetStreams.class, this::onGetStreams)
        .onMessage(LedgerMsg.GetRememberedStopped.class, this::onGetRemembered)
        .onMessage(LedgerMsg.StreamStatus.class, this::onStatus)
        .onMessage(LedgerMsg.StreamStopped.class, s -> streams.containsKey(s.stream())
            ? fail("a write to the journal failed (stream " + s.stream() + ")")
            : Behaviors.same())
        .onMessage(LedgerMsg.Tick.class, t -> trim())
        .onMessage(LedgerMsg.Flush.class, f -> {
          timers.startSingleTimer("flush", new LedgerMsg.FlushNow(f.replyTo()), FLUSH_QUIET);
          return Behaviors.same();
        })
        .onMessage(LedgerMsg.FlushNow.class, this::flushNow)
        .onMessage(LedgerMsg.Remembered.class, this::answer)
        .build();
  }

  private Behavior<LedgerMsg> answer(LedgerMsg.Remembered r) {
    r.replyTo().tell(r.processes());
    return Behaviors.same();
  }

  private Behavior<LedgerMsg> route(LedgerMsg msg) {
    if (msg instanceof LedgerMsg.Record r) {
      String id = r.event() instanceof LedgerEvent.ProcessStateChanged c
          ? LedgerStream.processStream(c.group(), c.name())
          : LedgerStream.DAEMON;
      stream(id).tell(new LedgerStream.Append(r.event(), null));
    } else if (msg instanceof LedgerMsg.RecordAction a) {
      stream(LedgerStream.DAEMON).tell(new LedgerStream.Append(a.action(), a.replyTo()));
    }
    return Behaviors.same();
  }

  private ActorRef<LedgerStream.Command> stream(String id) {
    return streams.computeIfAbsent(id, key -> {
      LedgerStream.Plugins plugins = key.equals(LedgerStream.DAEMON) ? actionPlugins : processPlugins;
      // The number keeps names unique (two names may encode alike); the name is only a hint.
      String hint = URLEncoder.encode(key.length() > 64 ? key.substring(0, 64) : key,
          StandardCharsets.UTF_8);
      ActorRef<LedgerStream.Command> ref = ctx.spawn(LedgerStream.create(key, max, statusAdapter, plugins),
          "g" + generation + "-" + (++spawned) + "-" + hint);
      ctx.watchWith(ref, new LedgerMsg.StreamStopped(key));
      return ref;
    });
  }

  private Behavior<LedgerMsg> onGetStreams(LedgerMsg.GetStreams get) {
    List<ActorRef<LedgerStream.Command>> refs = new ArrayList<>();
    get.processes().forEach(p -> {
      int colon = p.indexOf(':');
      refs.add(stream(LedgerStream.processStream(p.substring(0, colon), p.substring(colon + 1))));
    });
    get.replyTo().tell(StatusReply.success(new LedgerMsg.Streams(stream(LedgerStream.DAEMON), refs)));
    return Behaviors.same();
  }

  private Behavior<LedgerMsg> onGetRemembered(LedgerMsg.GetRememberedStopped get) {
    if (daemonRecovered) {
      readRemembered(get.replyTo());
    } else {
      waitingForDaemon.add(get.replyTo()); // answered on recovery, or with nothing on failure
    }
    return Behaviors.same();
  }

  private void readRemembered(ActorRef<Set<String>> replyTo) {
    ctx.ask(LedgerState.class, stream(LedgerStream.DAEMON), OPEN_TIMEOUT, LedgerStream.Read::new,
        (state, failure) -> new LedgerMsg.Remembered(state == null ? Set.of() : state.stoppedByOperator(), replyTo));
  }

  private Behavior<LedgerMsg> onStatus(LedgerMsg.StreamStatus s) {
    if (s.status() instanceof LedgerStream.Recovered r) {
      if (r.stream().equals(LedgerStream.DAEMON)) {
        timers.cancel("opening");
        daemonRecovered = true;
        waitingForDaemon.forEach(this::readRemembered);
        waitingForDaemon.clear();
        if (dropped > 0) {
          MainLog.warn("history: " + dropped + " events were lost while the journal was unavailable");
          stream(LedgerStream.DAEMON).tell(new LedgerStream.Append(new LedgerEvent.DaemonStopping(
              clock.millis(), "history gap: " + dropped + " events lost while the journal was unavailable"),
              null));
          dropped = 0;
        }
      }
      return Behaviors.same();
    }
    LedgerStream.Failed f = (LedgerStream.Failed) s.status();
    return fail("cannot read the journal (stream " + f.stream() + "): " + describe(f.cause()));
  }

  private Behavior<LedgerMsg> trim() {
    long now = clock.millis();
    long cutoff = now - Duration.ofDays(retentionDays).toMillis();
    streams.values().forEach(ref -> ref.tell(new LedgerStream.Trim(now, cutoff)));
    return Behaviors.same();
  }

  private Behavior<LedgerMsg> flushNow(LedgerMsg.FlushNow f) {
    ActorRef<LedgerState> collector = ctx.spawnAnonymous(
        Collector.<LedgerState, Done>create(streams.size(), FLUSH_TIMEOUT, all -> Done.getInstance(), f.replyTo()));
    streams.values().forEach(ref -> ref.tell(new LedgerStream.Flush(collector)));
    return Behaviors.same();
  }

  // ---- failed --------------------------------------------------------------------------------

  private Behavior<LedgerMsg> fail(String reason) {
    timers.cancel("opening");
    timers.cancel("trim");
    daemonRecovered = false;
    waitingForDaemon.forEach(w -> w.tell(Set.of()));
    waitingForDaemon.clear();
    MainLog.crit("history unavailable: " + reason + " (journal: " + where + "); processes are "
        + "supervised as usual, state changes are not recorded until the journal works again");
    streams.values().forEach(ctx::stop);
    streams.clear();
    timers.startTimerWithFixedDelay("retry", LedgerMsg.Tick.INSTANCE, RETRY_EVERY);
    return failed(reason);
  }

  private Behavior<LedgerMsg> failed(String reason) {
    return Behaviors.receive(LedgerMsg.class)
        .onMessage(LedgerMsg.Record.class, r -> {
          dropped++;
          return Behaviors.same();
        })
        .onMessage(LedgerMsg.RecordAction.class, r -> {
          dropped++;
          return unavailable(r.replyTo(), "history unavailable: " + reason);
        })
        .onMessage(LedgerMsg.GetStreams.class, g -> unavailable(g.replyTo(), "history unavailable: " + reason))
        .onMessage(LedgerMsg.GetRememberedStopped.class, g -> {
          g.replyTo().tell(Set.of());
          return Behaviors.same();
        })
        .onMessage(LedgerMsg.Flush.class, f -> done(f.replyTo()))
        .onMessage(LedgerMsg.Tick.class, t -> {
          timers.cancel("retry");
          MainLog.info("history: trying the journal again (" + where + ")");
          return open(new ArrayDeque<>());
        })
        .onMessage(LedgerMsg.Open.class, o -> Behaviors.same())
        .onMessage(LedgerMsg.StreamStatus.class, s -> Behaviors.same())
        .onMessage(LedgerMsg.StreamStopped.class, s -> Behaviors.same())
        .onMessage(LedgerMsg.FlushNow.class, f -> done(f.replyTo()))
        .onMessage(LedgerMsg.Remembered.class, this::answer)
        .build();
  }

  private static <T> Behavior<LedgerMsg> unavailable(ActorRef<StatusReply<T>> replyTo, String why) {
    replyTo.tell(StatusReply.error(why));
    return Behaviors.same();
  }

  private static Behavior<LedgerMsg> done(ActorRef<Done> replyTo) {
    replyTo.tell(Done.getInstance());
    return Behaviors.same();
  }

  /** The innermost cause's message: JDBC errors come wrapped several times. */
  public static String describe(Throwable error) {
    Throwable t = error;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String text = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
