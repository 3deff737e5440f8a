package dev.supervisor4j.daemon.runtime;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.supervisor4j.daemon.RootMsg;
import dev.supervisor4j.daemon.api.AuditedApi;
import dev.supervisor4j.daemon.config.HistorySettings;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.ledger.ActionLog;
import dev.supervisor4j.daemon.ledger.Background;
import dev.supervisor4j.daemon.ledger.JournalConfig;
import dev.supervisor4j.daemon.ledger.Ledger;
import dev.supervisor4j.daemon.ledger.LedgerEvent;
import dev.supervisor4j.daemon.ledger.LedgerMsg;
import dev.supervisor4j.daemon.ledger.LedgerSwitch;
import dev.supervisor4j.daemon.ledger.ProcessEventFeed;
import dev.supervisor4j.daemon.log.MainLog;
import dev.supervisor4j.protocol.Caller;
import dev.supervisor4j.protocol.SupervisorApi;
import dev.supervisor4j.protocol.Versions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.PoisonPill;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * The daemon's ledger, wired in: spawned next to the root, fed every process state change, every
 * operator action (through {@link AuditedApi}) and every signal; flushed before the actor system
 * ends. Its journal opens a moment after the processes are spawned (it costs over a second of CPU),
 * except with {@code remember_stopped} and after a crash of the previous run (children it left
 * behind are stopped first), where the autostart needs it first.
 *
 * <p>{@code [history]} is read again at each restart: when it changed, the ledger in place writes
 * what it has and closes its journal, and one on the new settings (or none) takes its place behind
 * the same {@link LedgerSwitch}, in the same actor system.
 */
final class History {
  /** How long a start with remember_stopped waits for the journal before starting everything. */
  private static final Duration REMEMBER_WAIT = Duration.ofSeconds(20);
  private static final Duration OPEN_DELAY = Duration.ofSeconds(1);
  private static final Duration FLUSH_WAIT = Duration.ofSeconds(4);
  /** A switch waits for the ledger in place to write what it has (at most 4 s), then to stop. */
  private static final Duration SWITCH_WAIT = Duration.ofSeconds(10);
  /** Its threads are named {@code supervisord-ledger-dispatcher-N}: "supervisord-led" to the kernel. */
  private static final String DISPATCHER = "ledger-dispatcher";
  /** The kernel names of the threads that do the ledger's work: ours, and Slick's {@code db-N}. */
  private static final String[] LEDGER_THREADS = {"supervisord-led", "db-"};
  private static final Duration RENICE_EVERY = Duration.ofSeconds(30);

  private volatile HistorySettings settings;
  private final Clock clock;
  /** Set once by {@link #start}. */
  private ActorRef<LedgerMsg> ledger;
  private ActionLog actions;
  /** Numbers each opening of the journal: its plugin ids are new each time. */
  private int openings;

  private History(HistorySettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** The Pekko settings a ledger needs (whether or not history is on), in front of the daemon's own. */
  static Config pekkoConfig(Config daemon) {
    return JournalConfig.system().withFallback(dispatcher()).withFallback(daemon).resolve();
  }

  /** Spawns the ledger's switch, with a ledger (journal still closed) when history is on, and subscribes it. */
  static History start(ActorSystem<RootMsg.Command> system, HistorySettings settings, Clock clock) {
    DispatcherSelector own = DispatcherSelector.fromConfig(DISPATCHER);
    History history = new History(settings, clock);
    Runnable[] close = new Runnable[1];
    Behavior<LedgerMsg> first = history.ledgerFor(system, settings, close);
    ActorRef<LedgerMsg> ledger = system.systemActorOf(LedgerSwitch.create(first, close[0], own), "ledger", own);
    history.ledger = ledger;
    history.actions = new ActionLog(ledger, system.scheduler());
    system.tell(new RootMsg.Subscribe(system.systemActorOf(ProcessEventFeed.create(ledger), "ledger-feed", own)));
    // Supervision first: the ledger's threads run at nice 10 (threads come and go, so look again).
    system.scheduler().scheduleWithFixedDelay(Duration.ofSeconds(3), RENICE_EVERY,
        () -> Background.lower(LEDGER_THREADS), system.dispatchers().lookup(own));
    CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceStop(), "supervisor4j-ledger-flush",
        () -> AskPattern.<LedgerMsg, Done>ask(ledger, LedgerMsg.Flush::new, FLUSH_WAIT, system.scheduler())
            .exceptionally(e -> Done.getInstance()));
    return history;
  }

  /**
   * A ledger on {@code settings}, null when history is off; {@code close[0]} is set to what stops
   * its journal's plugins once it has stopped (their connections close with them).
   */
  private Behavior<LedgerMsg> ledgerFor(ActorSystem<?> system, HistorySettings settings, Runnable[] close) {
    close[0] = () -> { };
    if (!settings.enabled()) {
      return null;
    }
    JournalConfig.Opening opening = JournalConfig.opening(settings, "supervisor4j-ledger-" + (++openings),
        system.settings().config(), DISPATCHER);
    close[0] = () -> {
      opening.pluginIds().forEach(id -> system.classicSystem().actorSelection("/system/" + id)
          .tell(PoisonPill.getInstance(), org.apache.pekko.actor.ActorRef.noSender()));
      opening.closeDatabase(); // everything was written before the ledger stopped
    };
    return Ledger.create(settings.maxEventsPerProcess(), settings.retentionDays(), JournalConfig.shown(settings),
        clock, opening.processes(), opening.actions());
  }

  /**
   * At a restart, once the processes have stopped and the new config is read: when {@code [history]}
   * changed, the ledger in place writes what it has and closes, and one on the new settings (or none)
   * takes its place; then, with remember_stopped, the root is told which processes to leave stopped,
   * as at a full start. A journal that cannot be opened is reported as at start (CRIT, and history
   * unavailable until it works); supervision goes on regardless.
   */
  void restart(ActorSystem<RootMsg.Command> system, HistorySettings next) {
    if (!next.equals(settings)) {
      Runnable[] close = new Runnable[1];
      Behavior<LedgerMsg> ledgerNext = ledgerFor(system, next, close);
      try {
        AskPattern.<LedgerMsg, Done>ask(ledger, replyTo -> new LedgerMsg.Switch(ledgerNext, close[0], replyTo),
            SWITCH_WAIT, system.scheduler()).toCompletableFuture().join();
      } catch (RuntimeException e) {
        MainLog.warn("history: the previous journal did not close within " + SWITCH_WAIT.toSeconds() + " s");
      }
      settings = next;
      if (next.enabled() && !next.rememberStopped()) {
        system.scheduler().scheduleOnce(OPEN_DELAY, () -> ledger.tell(LedgerMsg.Open.INSTANCE),
            system.executionContext());
      }
    }
    if (next.enabled() && next.rememberStopped()) {
      ledger.tell(LedgerMsg.Open.INSTANCE);
      keepStopped(system);
    }
  }

  /** The ledger (its switch: it answers for history when it is off). */
  ActorRef<LedgerMsg> ledger() {
    return ledger;
  }

  /** The API one caller uses: recorded when history is on. */
  SupervisorApi forCaller(SupervisorApi api, Caller caller) {
    return settings.enabled() ? new AuditedApi(api, actions, caller, clock) : api;
  }

  /**
   * Just before the processes start. When the previous run did not end cleanly (it left its pidfile:
   * {@code previousDaemon} is the pid in it), opens the journal and stops the children it left
   * behind ({@link Orphans}). With remember_stopped, opens the journal and tells the root which
   * processes to leave stopped. Each waits at most {@link #REMEMBER_WAIT} for the journal.
   *
   * @param previousDaemon the pid in the pidfile found at start-up, 0 when there was none
   */
  void beforeBegin(ActorSystem<RootMsg.Command> system, SupervisordConfig config, long previousDaemon) {
    if (!settings.enabled()) {
      return;
    }
    if (previousDaemon > 0) {
      ledger.tell(LedgerMsg.Open.INSTANCE);
      stopOrphans(system, config, previousDaemon);
    }
    if (settings.rememberStopped()) {
      ledger.tell(LedgerMsg.Open.INSTANCE);
      keepStopped(system);
    }
  }

  private void stopOrphans(ActorSystem<RootMsg.Command> system, SupervisordConfig config, long previousDaemon) {
    List<Orphans.Orphan> orphans;
    try {
      orphans = Orphans.find(ledger, system.scheduler(), config, previousDaemon, REMEMBER_WAIT);
    } catch (RuntimeException e) {
      MainLog.crit("history: could not read which children the previous run left (" + Ledger.describe(e)
          + "); not looking for orphans");
      return;
    }
    Orphans.stop(orphans, actions::note, clock);
  }

  private void keepStopped(ActorSystem<RootMsg.Command> system) {
    Set<String> stopped;
    try {
      stopped = AskPattern.<LedgerMsg, Set<String>>ask(ledger, LedgerMsg.GetRememberedStopped::new,
          REMEMBER_WAIT, system.scheduler()).toCompletableFuture().join();
    } catch (RuntimeException e) {
      MainLog.crit("history: could not read which programs an operator stopped (" + e.getMessage()
          + "); starting every autostart program");
      stopped = Set.of();
    }
    if (!stopped.isEmpty()) {
      system.tell(new RootMsg.KeepStopped(stopped));
    }
  }

  /** Just after the processes were told to start: the journal opens a moment later. */
  void afterBegin(ActorSystem<RootMsg.Command> system) {
    if (settings.enabled() && !settings.rememberStopped()) {
      system.scheduler().scheduleOnce(OPEN_DELAY, () -> ledger.tell(LedgerMsg.Open.INSTANCE),
          system.executionContext());
    }
  }

  /** The daemon (re)started its processes. */
  void started(long pid) {
    if (settings.enabled()) {
      actions.note(new LedgerEvent.DaemonStarted(clock.millis(), pid, "supervisor4j " + Versions.SUPERVISOR));
    }
  }

  /** A signal asked the daemon to shut down or restart. */
  void signalled(String signal, String meaning, String sender) {
    if (settings.enabled()) {
      actions.note(new LedgerEvent.DaemonStopping(clock.millis(), signal));
      actions.acted(new LedgerEvent.OperatorActed(clock.millis(), sender, Caller.Transport.SIGNAL.label(), signal,
          "", List.of(), LedgerEvent.Intent.NONE, true, meaning));
    }
  }

  /** The ledger's own dispatcher: journal work and JSON never run on the actors' threads. */
  private static Config dispatcher() {
    return ConfigFactory.parseString(String.join("\n",
        DISPATCHER + " {",
        "  type = Dispatcher",
        "  executor = thread-pool-executor",
        "  thread-pool-executor.fixed-pool-size = 2",
        "  throughput = 100",
        "}"));
  }
}
