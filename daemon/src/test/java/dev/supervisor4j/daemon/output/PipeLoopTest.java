package dev.supervisor4j.daemon.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Native;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one loop that drains every child pipe: real pipes, real children writing into them (the
 * child opens the pipe through {@code /proc/<pid>/fd}), bounded threads whatever the number of
 * pipes, nothing lost or reordered, and a slow sink slowing only its own child.
 */
@Tag("os")
@Timeout(120)
class PipeLoopTest {
  private final List<String> loopErrors = new CopyOnWriteArrayList<>();
  private PipeLoop loop;

  @BeforeEach
  void start() {
    loop = PipeLoop.start(2, loopErrors::add);
  }

  @AfterEach
  void noLoopErrors() {
    assertEquals(List.of(), loopErrors);
  }

  /** A child writing into a new pipe whose read end is returned; the test's write end is closed. */
  private record Writer(Process process, int readFd) {}

  private static Writer writer(String script) throws IOException {
    int[] fds = new int[2];
    assertEquals(0, TestCalls.pipe2(fds, 0x80000)); // O_CLOEXEC
    try {
      Process p = new ProcessBuilder("sh", "-c", script)
          .redirectOutput(new File("/proc/self/fd/" + fds[1]))
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .start();
      return new Writer(p, fds[0]);
    } finally {
      TestCalls.close(fds[1]);
    }
  }

  private static byte[] seq(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      b.append(i).append('\n');
    }
    return b.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** A sink keeping every byte; it fails the test if two writes ever overlap. */
  private static final class Collecting implements OutputSink {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean inside;
    int eofs;

    @Override
    public synchronized void write(byte[] buf, int off, int len) {
      assertTrue(!inside);
      inside = true;
      bytes.write(buf, off, len);
      inside = false;
    }

    @Override
    public synchronized void eof() {
      eofs++;
    }
  }

  @Test
  void threeHundredChildrenAtOnceArriveWholeAndInOrderOnAFixedSetOfThreads() throws Exception {
    int children = 300;
    int lines = 20_000; // 108,894 bytes each: two reads of 64 KiB at least
    int threadsBefore = Thread.activeCount();
    List<Writer> writers = new ArrayList<>();
    List<Collecting> sinks = new ArrayList<>();
    List<CompletableFuture<Long>> done = new ArrayList<>();
    for (int i = 0; i < children; i++) {
      Writer w = writer("seq 1 " + lines);
      Collecting sink = new Collecting();
      writers.add(w);
      sinks.add(sink);
      done.add(loop.drain(w.readFd(), sink, e -> { throw new AssertionError(e); }).toCompletableFuture());
    }
    assertTrue(Thread.activeCount() <= threadsBefore + 2,
        "threads grow with the pipes: " + threadsBefore + " -> " + Thread.activeCount());
    byte[] expected = seq(lines);
    for (int i = 0; i < children; i++) {
      assertEquals(expected.length, done.get(i).get(60, TimeUnit.SECONDS));
      assertArrayEquals(expected, sinks.get(i).bytes.toByteArray(), "child " + i);
      assertEquals(1, sinks.get(i).eofs);
      assertTrue(writers.get(i).process().waitFor(10, TimeUnit.SECONDS));
    }
    assertEquals(0, loop.pipes(), "every pipe ended and left the loop");
  }

  @Test
  void aSlowSinkHoldsItsChildOnAFullPipeWhileAnotherChildGoesOn() throws Exception {
    long total = 4L << 20;
    Writer slow = writer("head -c " + total + " /dev/zero");
    AtomicLong got = new AtomicLong();
    CompletableFuture<Void> release = new CompletableFuture<>();
    OutputSink stuck = (buf, off, len) -> {
      got.addAndGet(len);
      if (got.get() >= 256 * 1024) {
        release.join(); // the disk stops taking anything
      }
    };
    CompletableFuture<Long> slowDone = loop.drain(slow.readFd(), stuck, e -> { throw new AssertionError(e); })
        .toCompletableFuture();

    Writer fast = writer("seq 1 50000");
    Collecting sink = new Collecting();
    long fastBytes = loop.drain(fast.readFd(), sink, e -> { throw new AssertionError(e); })
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertEquals(seq(50000).length, fastBytes, "the other child is not held up");

    Thread.sleep(300);
    assertTrue(slow.process().isAlive(), "the child waits on its full pipe");
    long held = got.get();
    assertTrue(held < 256 * 1024 + PipeLoop.CHUNK, "nothing is read ahead of the sink: " + held);
    release.complete(null);
    assertEquals(total, slowDone.get(30, TimeUnit.SECONDS), "nothing lost");
    assertTrue(slow.process().waitFor(10, TimeUnit.SECONDS));
  }

  @Test
  void aFailingSinkIsReportedOnceAndThePipeStillDrains() throws Exception {
    Writer w = writer("seq 1 100000");
    List<IOException> errors = new CopyOnWriteArrayList<>();
    OutputSink broken = (buf, off, len) -> {
      throw new IOException("No space left on device");
    };
    long n = loop.drain(w.readFd(), broken, errors::add).toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertEquals(seq(100000).length, n);
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(w.process().waitFor(10, TimeUnit.SECONDS));
  }

  @Test
  void aPipeWhoseWriterSaysNothingEndsAtItsClose() throws Exception {
    Writer w = writer("exit 0");
    Collecting sink = new Collecting();
    assertEquals(0L, loop.drain(w.readFd(), sink, e -> { }).toCompletableFuture().get(10, TimeUnit.SECONDS));
    assertEquals(1, sink.eofs);
  }

  /** pipe2 and close for the test's own pipes. */
  static final class TestCalls {
    static {
      Native.register(TestCalls.class, "c");
    }

    static native int pipe2(int[] fds, int flags);

    static native int close(int fd);
  }
}
