package dev.supervisor4j.http.web;

import dev.supervisor4j.protocol.Failures;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.SupervisorFault;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.JavaFlowSupport;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * A tail page's logs as one server-sent event stream: every channel of a process (stdout and
 * stderr) merged into one connection, so a page costs one of the browser's six connections per
 * host rather than two. Each event is named after its channel and carries the new text as one JSON
 * string (exact bytes, carriage returns included, which raw SSE data lines could not carry). A
 * channel that cannot be followed (NO_FILE: not logged, or redirected to stdout) sends one
 * {@code unavailable} event and the others go on.
 *
 * <p>The text is the {@link dev.supervisor4j.protocol.SupervisorApi} follow streams (the same as
 * {@code /logtail}), decoded as UTF-8 without splitting a character across two events.
 */
final class TailStream {
  private TailStream() {}

  /** One channel: its event name and how to follow it. */
  record Channel(String event, Supplier<CompletionStage<Flow.Publisher<byte[]>>> follow) {}

  static Source<ByteString, NotUsed> of(Channel first, Channel... more) {
    Source<ByteString, NotUsed> all = channel(first);
    for (Channel c : more) {
      all = all.merge(channel(c));
    }
    return Source.single(ByteString.fromString("retry: 2000\n\n"))
        .concat(all)
        .keepAlive(LiveFeed.HEARTBEAT, () -> ByteString.fromString(":\n\n"));
  }

  private static Source<ByteString, NotUsed> channel(Channel channel) {
    CompletionStage<Source<ByteString, NotUsed>> followed = channel.follow().get()
        .thenApply(publisher -> JavaFlowSupport.Source.<byte[]>fromPublisher(publisher)
            .statefulMap(() -> new byte[0], TailStream::decode, carry -> Optional.empty())
            .filter(text -> !text.isEmpty())
            .map(text -> event(channel.event(), Json.write(text))))
        .exceptionally(error -> Source.single(unavailable(channel.event(), error)));
    return Source.completionStageSource(followed).mapMaterializedValue(m -> NotUsed.getInstance());
  }

  private static ByteString unavailable(String channel, Throwable error) {
    Throwable cause = Failures.unwrap(error);
    String why = cause instanceof SupervisorFault f && f.fault() == Fault.NO_FILE ? "no log file"
        : cause instanceof SupervisorFault f ? f.getMessage() : String.valueOf(cause.getMessage());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", channel);
    body.put("message", why);
    return event("unavailable", Json.write(body));
  }

  /**
   * Decodes {@code bytes} after the {@code carry} left from the previous element; an incomplete
   * UTF-8 sequence at the end is carried to the next one. Invalid bytes become U+FFFD.
   */
  static Pair<byte[], String> decode(byte[] carry, byte[] bytes) {
    byte[] all = carry.length == 0 ? bytes : concat(carry, bytes);
    int complete = completeLength(all);
    return Pair.create(Arrays.copyOfRange(all, complete, all.length),
        new String(all, 0, complete, StandardCharsets.UTF_8));
  }

  /** The length of the longest prefix that does not end inside a UTF-8 sequence. */
  static int completeLength(byte[] b) {
    int n = b.length;
    for (int i = n - 1; i >= Math.max(0, n - 4); i--) {
      int c = b[i] & 0xFF;
      if ((c & 0xC0) == 0x80) {
        continue; // a continuation byte: look further back for its lead byte
      }
      int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      return i + length <= n ? n : i;
    }
    return n; // only continuation bytes: invalid anyway, let the decoder replace them
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static ByteString event(String type, String json) {
    return ByteString.fromString("event: " + type + "\ndata: " + json + "\n\n");
  }
}
