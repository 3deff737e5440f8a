package dev.supervisor4j.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.http.HttpFrontEnd;
import dev.supervisor4j.http.testing.FakeSupervisorApi;
import dev.supervisor4j.protocol.ProcessState;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class LiveFeedTest {
  static ActorSystem<Void> system;

  @BeforeAll
  static void up() {
    system = ActorSystem.create(Behaviors.empty(), "LiveFeedTest");
  }

  @AfterAll
  static void down() {
    system.terminate();
  }

  static LiveFeed.Frame frame(String... nameAndRow) {
    List<String> names = new java.util.ArrayList<>();
    List<String> rows = new java.util.ArrayList<>();
    for (int i = 0; i < nameAndRow.length; i += 2) {
      names.add(nameAndRow[i]);
      rows.add(nameAndRow[i + 1]);
    }
    return new LiveFeed.Frame(names, rows);
  }

  static List<String> text(Pair<LiveFeed.Sent, List<ByteString>> step) {
    return step.second().stream().map(ByteString::utf8String).toList();
  }

  @Test
  void firstFrameIsASnapshotThenOnlyChangedRows() {
    var first = LiveFeed.diff(new LiveFeed.Sent(null, Map.of()), frame("a", "{1}", "b", "{2}"));
    assertEquals(List.of("event: snapshot\ndata: {\"processes\":[{1},{2}]}\n\n"), text(first));
    var same = LiveFeed.diff(first.first(), frame("a", "{1}", "b", "{2}"));
    assertEquals(List.of(), text(same));
    var changed = LiveFeed.diff(same.first(), frame("a", "{1}", "b", "{3}"));
    assertEquals(List.of("event: process\ndata: {3}\n\n"), text(changed));
    var added = LiveFeed.diff(changed.first(), frame("a", "{1}", "b", "{3}", "c", "{4}"));
    assertEquals(1, added.second().size());
    assertTrue(text(added).get(0).startsWith("event: snapshot\n"));
    var empty = LiveFeed.diff(new LiveFeed.Sent(null, Map.of()), frame());
    assertEquals(List.of("event: snapshot\ndata: {\"processes\":[]}\n\n"), text(empty));
    assertEquals(List.of(), text(LiveFeed.diff(empty.first(), frame())));
  }

  @Test
  void pollsOnlyWhileSomebodyListens() throws Exception {
    FakeSupervisorApi api = new FakeSupervisorApi();
    api.put("web", "web", ProcessState.RUNNING, 1, "pid 1");
    LiveFeed feed = new LiveFeed(api, system.classicSystem().dispatchers().lookup(HttpFrontEnd.IO_DISPATCHER),
        new ProcSampler(Files.createTempDirectory("proc")), Materializer.matFromSystem(system));
    Materializer mat = Materializer.matFromSystem(system);
    assertEquals(0, api.infoCalls.get());

    // A client takes the retry line and the first snapshot, then goes away.
    List<ByteString> got = feed.events().take(2).runWith(Sink.seq(), mat).toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertTrue(got.get(1).utf8String().startsWith("event: snapshot\n"), got.toString());
    assertTrue(api.infoCalls.get() >= 1);

    Thread.sleep(LiveFeed.POLL.toMillis() * 2); // let a poll already under way finish
    int afterLeaving = api.infoCalls.get();
    Thread.sleep(LiveFeed.POLL.toMillis() * 4);
    assertEquals(afterLeaving, api.infoCalls.get(), "the poller kept running with nobody listening");

    // The next client starts it again.
    List<ByteString> again = feed.events().take(2).runWith(Sink.seq(), mat).toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertTrue(again.get(1).utf8String().startsWith("event: snapshot\n"), again.toString());
  }
}
