package dev.supervisor4j.daemon.runtime;

import dev.supervisor4j.daemon.config.GroupConfig;
import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.daemon.config.SupervisordConfig;
import dev.supervisor4j.daemon.ledger.ChildIdentity;
import dev.supervisor4j.daemon.ledger.LedgerEvent;
import dev.supervisor4j.daemon.ledger.LedgerMsg;
import dev.supervisor4j.daemon.ledger.LedgerState;
import dev.supervisor4j.daemon.ledger.LedgerStream;
import dev.supervisor4j.daemon.log.MainLog;
import dev.supervisor4j.daemon.spawn.Signals;
import dev.supervisor4j.protocol.Signal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.pattern.StatusReply;

/**
 * Children a crashed daemon left behind. After a {@code kill -9} (or an OOM kill) of the daemon its
 * children live on, reparented; started again, the daemon would spawn a second copy of each (as
 * Supervisor does). Before the first autostart, this reads from the ledger which child each program
 * of the config had when its last state change was recorded, keeps those still alive (same pid,
 * same start time, same boot: {@link ChildIdentity}, so a reused pid is never touched), and stops
 * them as their program says ({@code stopsignal}, {@code stopwaitsecs}, then SIGKILL; to the process
 * group with {@code stopasgroup}/{@code killasgroup}), all at once, waiting at most the longest
 * {@code stopwaitsecs} plus a few seconds.
 *
 * <p>Runs on the daemon's main thread while the root waits for {@code Begin}; needs the ledger, and
 * is done only when the previous run left its pidfile (it did not end cleanly), since reading the
 * ledger before the autostart costs a second or more.
 */
final class Orphans {
  private Orphans() {}

  private static final Duration POLL = Duration.ofMillis(100);
  /** How long a SIGKILLed orphan may take to go before we give up on it. */
  private static final Duration AFTER_KILL = Duration.ofSeconds(5);

  /** A live child of the previous run and the program it was spawned for. */
  record Orphan(GroupConfig group, ProgramConfig program, ChildIdentity child) {
    String name() {
      return program.name();
    }
  }

  /**
   * The children of the previous run that are still alive, as the ledger knows them.
   *
   * @param previousDaemon the pid in the pidfile the previous run left; its own live children
   *                       (that daemon still runs) are not orphans
   */
  static List<Orphan> find(ActorRef<LedgerMsg> ledger, Scheduler scheduler, SupervisordConfig config,
      long previousDaemon, Duration wait) {
    List<GroupConfig> groups = new ArrayList<>();
    List<ProgramConfig> programs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (GroupConfig g : config.groups()) {
      for (ProgramConfig p : g.processes()) {
        groups.add(g);
        programs.add(p);
        names.add(g.name() + ":" + p.name());
      }
    }
    long deadline = System.nanoTime() + wait.toNanos();
    LedgerMsg.Streams streams = AskPattern.<LedgerMsg, StatusReply<LedgerMsg.Streams>>ask(ledger,
            replyTo -> new LedgerMsg.GetStreams(names, replyTo), wait, scheduler)
        .toCompletableFuture().join().getValue();
    List<CompletableFuture<LedgerState>> reads = new ArrayList<>();
    for (ActorRef<LedgerStream.Command> stream : streams.processes()) {
      reads.add(AskPattern.<LedgerStream.Command, LedgerState>ask(stream, LedgerStream.Read::new,
          Duration.ofNanos(Math.max(1, deadline - System.nanoTime())), scheduler).toCompletableFuture());
    }
    awaitReads(reads, ledger, scheduler, deadline);
    long self = ProcessHandle.current().pid();
    List<Orphan> found = new ArrayList<>();
    for (int i = 0; i < reads.size(); i++) {
      ChildIdentity child = reads.get(i).join().lastChild();
      if (child == null) {
        continue;
      }
      long parent = child.parentIfAlive();
      if (parent < 0) {
        continue; // gone, or its pid belongs to another process now
      }
      if (parent == previousDaemon && previousDaemon != self) {
        MainLog.warn("not stopping " + programs.get(i).name() + " (pid " + child.pid() + "): its daemon (pid "
            + previousDaemon + ") is still running");
        continue;
      }
      found.add(new Orphan(groups.get(i), programs.get(i), child));
    }
    return found;
  }

  /**
   * Waits for the reads, giving up early when the ledger says history is unavailable (a stream
   * that failed recovery never answers).
   */
  private static void awaitReads(List<CompletableFuture<LedgerState>> reads, ActorRef<LedgerMsg> ledger,
      Scheduler scheduler, long deadline) {
    CompletableFuture<Void> all = CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new));
    while (!all.isDone() && deadline - System.nanoTime() > 0) {
      try {
        all.get(POLL.toMillis() * 5, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        StatusReply<LedgerMsg.Streams> probe = AskPattern.<LedgerMsg, StatusReply<LedgerMsg.Streams>>ask(ledger,
            replyTo -> new LedgerMsg.GetStreams(List.of(), replyTo), Duration.ofSeconds(1), scheduler)
            .toCompletableFuture().exceptionally(error -> StatusReply.success(null)).join();
        if (probe.isError()) {
          throw new IllegalStateException(probe.getError().getMessage());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted");
      } catch (ExecutionException e) {
        return; // join() below rethrows it
      }
    }
  }

  /** One orphan being stopped. */
  private static final class Stopping {
    final Orphan orphan;
    long deadline;
    boolean killed;

    Stopping(Orphan orphan, long deadline) {
      this.orphan = orphan;
      this.deadline = deadline;
    }
  }

  /**
   * Stops every orphan at once and waits for them; logs and records ({@code record}) each.
   *
   * @return how many were signalled and are gone (one found gone already does not count)
   */
  static int stop(List<Orphan> orphans, Consumer<LedgerEvent> record, Clock clock) {
    List<Stopping> pending = new ArrayList<>();
    for (Orphan o : orphans) {
      ProgramConfig p = o.program();
      MainLog.info("found orphan of previous run: " + o.name() + " (pid " + o.child().pid() + "); stopping it with "
          + p.stopSignal().name());
      if (signal(o, p.stopSignal(), p.stopAsGroup())) {
        pending.add(new Stopping(o, System.nanoTime() + Duration.ofSeconds(Math.max(0, p.stopWaitSecs())).toNanos()));
      }
    }
    int stopped = 0;
    while (!pending.isEmpty()) {
      sleep(POLL);
      long now = System.nanoTime();
      for (var it = pending.iterator(); it.hasNext(); ) {
        Stopping s = it.next();
        Orphan o = s.orphan;
        String how = o.program().stopSignal().name() + (s.killed ? ", then SIGKILL" : "");
        if (!o.child().isAlive()) {
          it.remove();
          stopped++;
          MainLog.info("stopped orphan of previous run: " + o.name() + " (pid " + o.child().pid() + ")");
          record.accept(new LedgerEvent.OrphanStopped(clock.millis(), o.group().name(), o.name(), o.child().pid(),
              how));
        } else if (now - s.deadline >= 0 && !s.killed) {
          MainLog.warn("killing orphan '" + o.name() + "' (" + o.child().pid() + ") with SIGKILL");
          s.killed = true;
          s.deadline = now + AFTER_KILL.toNanos();
          signal(o, Signal.KILL, o.program().killAsGroup());
        } else if (now - s.deadline >= 0) {
          it.remove();
          MainLog.crit("orphan of previous run survived SIGKILL: " + o.name() + " (pid " + o.child().pid() + ")");
          record.accept(new LedgerEvent.OrphanStopped(clock.millis(), o.group().name(), o.name(), o.child().pid(),
              how + ": still alive"));
        }
      }
    }
    return stopped;
  }

  /**
   * Signals the orphan (or its process group: each child leads its own), checking just before that
   * it is still the same process.
   *
   * @return false when it is gone already
   */
  private static boolean signal(Orphan o, Signal signal, boolean group) {
    if (!o.child().isAlive()) {
      return false;
    }
    try {
      // A child leads its own process group unless it left it (setpgid): then the group is gone.
      return group && Signals.sendToGroup(o.child().pid(), signal) || Signals.send(o.child().pid(), signal);
    } catch (IllegalStateException e) {
      MainLog.crit("could not signal orphan " + o.name() + " (pid " + o.child().pid() + "): " + e.getMessage());
      return true; // it is still there: wait, then SIGKILL
    }
  }

  private static void sleep(Duration d) {
    try {
      TimeUnit.NANOSECONDS.sleep(d.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
