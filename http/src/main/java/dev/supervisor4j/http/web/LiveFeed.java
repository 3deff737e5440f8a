package dev.supervisor4j.http.web;

import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.SupervisorApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.BroadcastHub;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * The event stream behind {@code /api/v1/events}: one shared poller per web console, fanned out to
 * every connected page through a {@link BroadcastHub}.
 *
 * <p>The poller asks {@code getAllProcessInfo} every {@link #POLL} and samples {@code /proc} every
 * {@link #SAMPLE}, and only while at least one client is connected: the first client starts it,
 * the last one to leave stops it. Each frame is the whole table; every client diffs frames against
 * what it has already sent, so a client that joins late or falls behind (old frames are dropped for
 * it, not queued) still ends up exact. The cost is polling instead of subscribing to the actors'
 * state changes, which keeps the daemon's actors untouched: a change shows within one poll.
 *
 * <p>Events: {@code snapshot} (every row; first, and whenever the set of processes changes) and
 * {@code process} (one changed row). Rows are {@link ProcessRows#row}. A comment line goes out every
 * {@link #HEARTBEAT} so proxies and the idle timeout leave the stream open.
 */
final class LiveFeed {
  static final Duration POLL = Duration.ofMillis(500);
  static final Duration SAMPLE = Duration.ofSeconds(2);
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  /** One poll's result: the namespecs in table order and their rows, already JSON. */
  record Frame(List<String> names, List<String> rows) {}

  private final SupervisorApi api;
  private final Executor io;
  private final ProcSampler sampler;
  private final Materializer mat;

  // guarded by this
  private Source<Frame, NotUsed> hub;
  private UniqueKillSwitch poller;
  private int clients;

  // confined to the poller's mapAsync(1) stage: one poll at a time
  private long lastSampleNanos;
  private volatile Map<Long, ProcSampler.Usage> usage = Map.of(); // read by the JSON API too

  LiveFeed(SupervisorApi api, Executor io, ProcSampler sampler, Materializer mat) {
    this.api = api;
    this.io = io;
    this.sampler = sampler;
    this.mat = mat;
  }

  /** The last /proc figures by pid (empty while nobody watches); for the JSON API. */
  Map<Long, ProcSampler.Usage> latestUsage() {
    return usage;
  }

  /** One client's server-sent events, as bytes; joining starts the poller if it is not running. */
  Source<ByteString, NotUsed> events() {
    Source<ByteString, NotUsed> events = Source.<ByteString, NotUsed>fromMaterializer((m, attributes) -> join()
            .buffer(2, OverflowStrategy.dropHead())
            .statefulMap(() -> new Sent(null, Map.of()), LiveFeed::diff, sent -> Optional.empty())
            .mapConcat(lines -> lines)
            .watchTermination((notUsed, done) -> {
              done.whenComplete((ok, error) -> leave());
              return notUsed;
            }))
        .mapMaterializedValue(future -> NotUsed.getInstance());
    return Source.single(ByteString.fromString("retry: 2000\n\n"))
        .concat(events)
        .keepAlive(HEARTBEAT, () -> ByteString.fromString(":\n\n"));
  }

  private synchronized Source<Frame, NotUsed> join() {
    if (hub == null) {
      Pair<UniqueKillSwitch, Source<Frame, NotUsed>> started = Source.tick(Duration.ZERO, POLL, NotUsed.getInstance())
          .mapAsync(1, tick -> poll())
          .mapConcat(frame -> frame.map(List::of).orElse(List.of()))
          .viaMat(KillSwitches.single(), Keep.right())
          .toMat(BroadcastHub.of(Frame.class, 2), Keep.both())
          .run(mat);
      poller = started.first();
      hub = started.second();
    }
    clients++;
    return hub;
  }

  private synchronized void leave() {
    clients--;
    if (clients == 0 && poller != null) {
      poller.shutdown();
      poller = null;
      hub = null;
    }
  }

  /** One frame, or empty when the API failed (shutting down): the next tick tries again. */
  private CompletionStage<Optional<Frame>> poll() {
    return api.getAllProcessInfo()
        .thenCompose(this::withUsage)
        .handle((frame, error) -> error == null ? Optional.of(frame) : Optional.<Frame>empty());
  }

  private CompletionStage<Frame> withUsage(List<ProcessInfo> processes) {
    long now = System.nanoTime();
    if (now - lastSampleNanos < SAMPLE.toNanos() && lastSampleNanos != 0) {
      return CompletableFuture.completedFuture(frame(processes, usage));
    }
    lastSampleNanos = now;
    List<Long> pids = processes.stream().map(ProcessInfo::pid).toList();
    return CompletableFuture.supplyAsync(() -> sampler.sample(pids), io)
        .thenApply(sampled -> {
          usage = Map.copyOf(sampled);
          return frame(processes, usage);
        });
  }

  private static Frame frame(List<ProcessInfo> processes, Map<Long, ProcSampler.Usage> usage) {
    List<String> names = new ArrayList<>();
    List<String> rows = new ArrayList<>();
    for (ProcessInfo info : ProcessRows.sorted(processes)) {
      names.add(info.namespec());
      rows.add(Json.write(ProcessRows.row(info, usage.get(info.pid()))));
    }
    return new Frame(List.copyOf(names), List.copyOf(rows));
  }

  /** What one client was last sent: the namespecs in order (null before the first frame) and each row. */
  record Sent(List<String> names, Map<String, String> rows) {}

  /** The events that bring a client from {@code sent} to {@code frame}. */
  static Pair<Sent, List<ByteString>> diff(Sent sent, Frame frame) {
    Map<String, String> rows = new HashMap<>();
    for (int i = 0; i < frame.names().size(); i++) {
      rows.put(frame.names().get(i), frame.rows().get(i));
    }
    Sent next = new Sent(frame.names(), rows);
    if (sent.names() == null || !frame.names().equals(sent.names())) {
      return Pair.create(next, List.of(event("snapshot", "{\"processes\":[" + String.join(",", frame.rows()) + "]}")));
    }
    List<ByteString> events = new ArrayList<>();
    for (int i = 0; i < frame.names().size(); i++) {
      String row = frame.rows().get(i);
      if (!row.equals(sent.rows().get(frame.names().get(i)))) {
        events.add(event("process", row));
      }
    }
    return Pair.create(next, events);
  }

  private static ByteString event(String type, String json) {
    return ByteString.fromString("event: " + type + "\ndata: " + json + "\n\n");
  }
}
