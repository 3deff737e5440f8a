package dev.supervisor4j.daemon.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OutputPumpTest {
  private static long await(OutputPump pump) throws Exception {
    return pump.completion().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @Test
  void copiesEveryByteInOrderThenSignalsEof() throws Exception {
    byte[] data = new byte[1_000_003];
    new Random(42).nextBytes(data);
    List<String> journal = Collections.synchronizedList(new ArrayList<>());
    RecordingSink sink = new RecordingSink("S", journal);
    AtomicReference<String> threadName = new AtomicReference<>();
    OutputSink naming = new OutputSink() {
      @Override
      public void write(byte[] buf, int off, int len) {
        threadName.set(Thread.currentThread().getName());
        sink.write(buf, off, len);
      }

      @Override
      public void eof() {
        sink.eof();
      }
    };

    OutputPump pump = OutputPump.start("web", "stdout", new ByteArrayInputStream(data), naming,
        e -> { throw new AssertionError(e); });

    assertEquals(data.length, await(pump));
    assertArrayEquals(data, sink.bytes());
    assertEquals(1, sink.eofs());
    assertEquals("S:EOF", journal.get(journal.size() - 1));
    assertEquals("out-web-stdout", threadName.get());
    assertEquals("out-web-stdout", pump.threadName());
  }

  @Test
  void aFailingSinkIsReportedOncePerRunAndThePipeKeepsDraining() throws Exception {
    byte[] data = new byte[10 * OutputPump.CHUNK];
    List<IOException> reported = Collections.synchronizedList(new ArrayList<>());
    AtomicLong calls = new AtomicLong();
    OutputSink failing = (buf, off, len) -> {
      long n = calls.incrementAndGet();
      if (n <= 3 || n == 5) {
        throw new IOException("disk full " + n);
      }
    };
    InputStream oneChunkAtATime = new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, OutputPump.CHUNK));
      }
    };

    OutputPump pump = OutputPump.start("p", "stderr", oneChunkAtATime, failing, reported::add);

    assertEquals(data.length, await(pump));
    // The first read uses the small starting buffer, then the pump reads whole chunks.
    assertEquals(1 + 10, calls.get());
    assertEquals(List.of("disk full 1", "disk full 5"),
        reported.stream().map(Throwable::getMessage).toList());
  }

  @Test
  void aBugInASinkIsReportedAndDoesNotStopThePump() throws Exception {
    List<IOException> reported = Collections.synchronizedList(new ArrayList<>());
    OutputSink buggy = (buf, off, len) -> {
      throw new IllegalStateException("bug");
    };
    OutputPump pump = OutputPump.start("p", "stdout", new ByteArrayInputStream(new byte[100]), buggy,
        reported::add);
    assertEquals(100, await(pump));
    assertEquals(1, reported.size());
    assertTrue(reported.get(0).getCause() instanceof IllegalStateException);
  }

  @Test
  void aReadFailureCountsAsEndOfFile() throws Exception {
    RecordingSink sink = new RecordingSink();
    InputStream broken = new InputStream() {
      private boolean first = true;

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (first) {
          first = false;
          b[off] = 'x';
          return 1;
        }
        throw new IOException("Stream closed");
      }
    };
    OutputPump pump = OutputPump.start("p", "stdout", broken, sink, e -> {});
    assertEquals(1, await(pump));
    assertEquals("x", sink.text());
    assertEquals(1, sink.eofs());
  }

  @Test
  void aBlockedSinkStopsTheReadsSoNothingPilesUp() throws Exception {
    CountDownLatch inWrite = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicLong offered = new AtomicLong();
    InputStream endless = new InputStream() {
      private long left = 8L * OutputPump.CHUNK;

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left == 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        left -= n;
        offered.addAndGet(n);
        return n;
      }
    };
    OutputSink slowDisk = (buf, off, len) -> {
      inWrite.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };

    OutputPump pump = OutputPump.start("p", "stdout", endless, slowDisk, e -> {});
    assertTrue(inWrite.await(10, TimeUnit.SECONDS));
    // The pump is parked inside write(): it cannot have asked for more than one (first) chunk.
    assertEquals(OutputPump.FIRST_CHUNK, offered.get());
    assertEquals(OutputPump.FIRST_CHUNK, pump.bytesRead());
    release.countDown();
    assertEquals(8L * OutputPump.CHUNK, await(pump));
  }
}
