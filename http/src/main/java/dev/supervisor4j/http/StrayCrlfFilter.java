package dev.supervisor4j.http;

import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.FlowShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * The inbound byte stage around {@link RequestFraming}: one framing state per materialization. When
 * the framing refuses a request line, the request bytes end after it, so that Pekko's parser answers
 * 400 and closes the connection instead of waiting for the rest of a line that will never make sense.
 */
final class StrayCrlfFilter extends GraphStage<FlowShape<ByteString, ByteString>> {
  private final Inlet<ByteString> in = Inlet.create("StrayCrlfFilter.in");
  private final Outlet<ByteString> out = Outlet.create("StrayCrlfFilter.out");
  private final FlowShape<ByteString, ByteString> shape = FlowShape.of(in, out);

  @Override
  public FlowShape<ByteString, ByteString> shape() {
    return shape;
  }

  @Override
  public GraphStageLogic createLogic(Attributes attributes) {
    RequestFraming framing = new RequestFraming();
    return new GraphStageLogic(shape) {
      {
        setHandler(in, new AbstractInHandler() {
          @Override
          public void onPush() {
            if (isClosed(out)) {
              grab(in); // refused: what follows is dropped until the connection closes
              pull(in);
              return;
            }
            ByteString kept = framing.filter(grab(in));
            if (!kept.isEmpty()) {
              push(out, kept);
            }
            if (framing.refused()) {
              // End the requests but keep reading: cancelling the wire side would close a TCP
              // connection before Pekko's 400 is written.
              complete(out);
              pull(in);
            } else if (kept.isEmpty()) {
              pull(in);
            }
          }
        });
        setHandler(out, new AbstractOutHandler() {
          @Override
          public void onPull() {
            pull(in);
          }

          @Override
          public void onDownstreamFinish(Throwable cause) {
            if (!framing.refused()) {
              cancelStage(cause);
            }
          }
        });
      }
    };
  }
}
