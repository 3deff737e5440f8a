package dev.supervisor4j.daemon.api;

import dev.supervisor4j.daemon.ledger.HistoryView;
import dev.supervisor4j.daemon.ledger.LedgerMsg;
import dev.supervisor4j.daemon.ledger.LedgerState;
import dev.supervisor4j.daemon.ledger.LedgerStream;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.HistoryEntry;
import dev.supervisor4j.protocol.HistorySummary;
import dev.supervisor4j.protocol.NameSpec;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.SupervisorFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.pattern.StatusReply;

/**
 * {@code history.*} by asking the ledger: it names the streams to read (or says why history is
 * unavailable), the streams answer with their states, {@link HistoryView} shapes the answer. Every
 * ask is bounded, so a stuck journal gives a clear FAILED fault, never a hung client.
 */
final class HistoryReads {
  static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  private final ActorSupervisorApi api;
  private final ActorRef<LedgerMsg> ledger;
  private final Scheduler scheduler;

  HistoryReads(ActorSupervisorApi api, ActorRef<LedgerMsg> ledger, Scheduler scheduler) {
    this.api = api;
    this.ledger = ledger;
    this.scheduler = scheduler;
  }

  CompletionStage<List<HistoryEntry>> processHistory(String name, long sinceSeconds, int limit) {
    if (NameSpec.parse(name).isGroup()) {
      return CompletableFuture.failedFuture(new SupervisorFault(Fault.BAD_NAME, name));
    }
    // A running process is named as status shows it; a removed one still has its history.
    CompletionStage<NameSpec> spec = api.status(name)
        .thenApply(m -> new NameSpec(m.group(), m.name()))
        .exceptionally(e -> null);
    return spec.thenCompose(resolved -> {
      NameSpec s = resolved != null ? resolved : NameSpec.parse(name);
      return streams(List.of(s.group() + ":" + s.process()))
          .thenCompose(st -> read(st.processes().get(0)).thenCombine(read(st.daemon()), (process, daemon) -> {
            if (resolved == null && process.recent().isEmpty()) {
              throw new CompletionException(new SupervisorFault(Fault.BAD_NAME, name));
            }
            return HistoryView.processHistory(process, daemon, s.group(), s.process(), sinceSeconds * 1000, limit);
          }));
    });
  }

  CompletionStage<List<HistoryEntry>> actions(long sinceSeconds, int limit) {
    return streams(List.of()).thenCompose(st -> read(st.daemon()))
        .thenApply(daemon -> HistoryView.actions(daemon, sinceSeconds * 1000, limit));
  }

  CompletionStage<List<HistorySummary>> summary() {
    return api.all().thenCompose(members -> {
      List<String> names = members.stream().map(m -> m.group() + ":" + m.name()).toList();
      return streams(names).thenCompose(st -> {
        List<CompletableFuture<HistorySummary>> each = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
          ProcessInfo m = members.get(i);
          each.add(read(st.processes().get(i)).thenApply(s -> HistoryView.summary(m.group(), m.name(), s))
              .toCompletableFuture());
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
            .thenApply(v -> each.stream().map(CompletableFuture::join).toList());
      });
    });
  }

  private CompletionStage<LedgerMsg.Streams> streams(List<String> processes) {
    return AskPattern.<LedgerMsg, StatusReply<LedgerMsg.Streams>>ask(ledger,
            replyTo -> new LedgerMsg.GetStreams(processes, replyTo), READ_TIMEOUT, scheduler)
        .handle((reply, error) -> {
          if (error != null) {
            throw unavailable("the ledger did not answer within " + READ_TIMEOUT.toSeconds() + " s");
          }
          if (reply.isError()) {
            throw new CompletionException(new SupervisorFault(Fault.FAILED, reply.getError().getMessage()));
          }
          return reply.getValue();
        });
  }

  private CompletionStage<LedgerState> read(ActorRef<LedgerStream.Command> stream) {
    return AskPattern.<LedgerStream.Command, LedgerState>ask(stream, LedgerStream.Read::new, READ_TIMEOUT,
        scheduler).handle((state, error) -> {
          if (error != null) {
            throw unavailable(error instanceof TimeoutException || error.getCause() instanceof TimeoutException
                ? "the journal did not answer within " + READ_TIMEOUT.toSeconds() + " s"
                : error.toString());
          }
          return state;
        });
  }

  private static CompletionException unavailable(String why) {
    return new CompletionException(new SupervisorFault(Fault.FAILED, "history unavailable: " + why));
  }
}
