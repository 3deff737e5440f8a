package dev.supervisor4j.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.BidiShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.stream.stage.TimerGraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * Watches one connection's bytes for the two ways it ends without the HTTP layer deciding so.
 *
 * <p><b>Idle timeout.</b> A connection is closed after the timeout when no bytes moved in either
 * direction <em>and</em> no exchange is in progress. The timeout is long (supervisord's 30 minutes:
 * its clients reuse a kept-alive connection after any pause and do not retry a request the server
 * closed under them), and short ({@link Idle}'s crowded timeout) while more connections are open than
 * a front end should keep idle, so that a crowd of idle or half-open connections cannot hold every
 * unix-socket thread or file descriptor. Pekko's own idle timeout only looks at bytes,
 * so it would cut a {@code /logtail} stream of a process that has been quiet for a minute — and
 * supervisorctl's {@code tail -f} with it — or a slow {@code startProcess} call waiting on
 * {@code startsecs}. Here an exchange in progress (a request being handled or a response body still
 * streaming, as {@link ExchangeTracker} reports) keeps the connection open however long it is silent.
 * Closing completes both directions (a FIN, not a reset). The check runs every quarter of the
 * crowded timeout (at least every 100 ms), so a connection closes up to that much late. A request
 * sent just as the server closes its connection is lost, as with any server that closes idle
 * connections: the long timeout makes that a rare event rather than every quiet minute's.
 *
 * <p><b>Client end of stream.</b> When the client closes its side, the requests end, and so do
 * streamed response bodies ({@code onPeerClosed}): a log tail never ends by itself, so without this
 * a quiet log would keep a dead client's connection and subscription until the next line failed to
 * send. Responses already being computed are still sent. supervisord, for comparison, drops the
 * connection at once.
 *
 * <p>Shape: top is the HTTP side, bottom the wire; {@code out} goes from HTTP to the wire.
 */
final class ConnectionWatch extends GraphStage<BidiShape<ByteString, ByteString, ByteString, ByteString>> {
  private final Inlet<ByteString> fromHttp = Inlet.create("ConnectionWatch.fromHttp");
  private final Outlet<ByteString> toWire = Outlet.create("ConnectionWatch.toWire");
  private final Inlet<ByteString> fromWire = Inlet.create("ConnectionWatch.fromWire");
  private final Outlet<ByteString> toHttp = Outlet.create("ConnectionWatch.toHttp");
  private final BidiShape<ByteString, ByteString, ByteString, ByteString> shape =
      BidiShape.of(fromHttp, toWire, fromWire, toHttp);

  private final Idle idle;
  private final BooleanSupplier busy;
  private final Runnable onPeerClosed;

  /**
   * The idle rule of one front end, shared by its connections: it counts them, and closes idle ones
   * after {@code timeout}, or after {@code crowdedTimeout} while more than {@code crowdedAbove} are
   * open.
   */
  static final class Idle {
    private final long timeoutNanos;
    private final long crowdedTimeoutNanos;
    private final int crowdedAbove;
    private final AtomicInteger open = new AtomicInteger();

    Idle(Duration timeout, Duration crowdedTimeout, int crowdedAbove) {
      this.timeoutNanos = timeout.toNanos();
      this.crowdedTimeoutNanos = Math.min(crowdedTimeout.toNanos(), timeoutNanos);
      this.crowdedAbove = crowdedAbove;
    }

    /** How long a connection may stay idle now. */
    long limitNanos() {
      return open.get() > crowdedAbove ? crowdedTimeoutNanos : timeoutNanos;
    }

    Duration checkEvery() {
      Duration quarter = Duration.ofNanos(crowdedTimeoutNanos / 4);
      return quarter.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : quarter;
    }

    int open() {
      return open.get();
    }

    void opened() {
      open.incrementAndGet();
    }

    void closed() {
      open.decrementAndGet();
    }
  }

  ConnectionWatch(Idle idle, BooleanSupplier busy, Runnable onPeerClosed) {
    this.idle = idle;
    this.busy = busy;
    this.onPeerClosed = onPeerClosed;
  }

  @Override
  public BidiShape<ByteString, ByteString, ByteString, ByteString> shape() {
    return shape;
  }

  @Override
  public GraphStageLogic createLogic(Attributes attributes) {
    return new TimerGraphStageLogic(shape) {
      private long lastActive = System.nanoTime();

      {
        passAlong(fromHttp, toWire);
        passAlong(fromWire, toHttp);
      }

      private void passAlong(Inlet<ByteString> in, Outlet<ByteString> out) {
        setHandler(in, new AbstractInHandler() {
          @Override
          public void onPush() {
            lastActive = System.nanoTime();
            push(out, grab(in));
          }

          @Override
          public void onUpstreamFinish() {
            complete(out);
            if (in == fromWire) {
              onPeerClosed.run();
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
            cancel(in, cause);
          }
        });
      }

      @Override
      public void preStart() {
        idle.opened();
        scheduleWithFixedDelay("idle-check", idle.checkEvery(), idle.checkEvery());
      }

      @Override
      public void postStop() {
        idle.closed();
      }

      @Override
      public void onTimer(Object key) {
        long now = System.nanoTime();
        if (busy.getAsBoolean()) {
          lastActive = now; // the idle period starts when the last exchange ends
        } else if (now - lastActive >= idle.limitNanos()) {
          completeStage();
        }
      }
    };
  }
}
