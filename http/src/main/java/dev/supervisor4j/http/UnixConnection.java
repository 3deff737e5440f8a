package dev.supervisor4j.http;

import java.nio.channels.SocketChannel;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.StreamConverters;
import org.apache.pekko.util.ByteString;

/**
 * Runs one accepted unix-socket connection through its connection flow. Reads and writes block, so
 * both run on the front end's own dispatcher, each stage as its own island: a reader blocked for the
 * next request must not stop the writer. The channel is closed when the outbound side ends, which
 * also wakes a blocked reader.
 */
final class UnixConnection {
  private UnixConnection() {}

  private static final int READ_CHUNK = 8192;

  static void serve(SocketChannel channel, Flow<ByteString, ByteString, NotUsed> flow, Materializer mat,
      String dispatcher) {
    StreamConverters.fromInputStream(() -> new ChannelStreams.Input(channel), READ_CHUNK)
        .async(dispatcher)
        .via(flow)
        .toMat(StreamConverters.fromOutputStream(() -> new ChannelStreams.Output(channel), true)
            .async(dispatcher), Keep.right())
        .run(mat)
        .whenComplete((result, error) -> ChannelStreams.closeQuietly(channel));
  }
}
