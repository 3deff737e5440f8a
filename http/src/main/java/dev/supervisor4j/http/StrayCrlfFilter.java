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

/** The inbound byte stage around {@link RequestFraming}: one framing state per materialization. */
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
            ByteString kept = framing.filter(grab(in));
            if (kept.isEmpty()) {
              pull(in);
            } else {
              push(out, kept);
            }
          }
        });
        setHandler(out, new AbstractOutHandler() {
          @Override
          public void onPull() {
            pull(in);
          }
        });
      }
    };
  }
}
