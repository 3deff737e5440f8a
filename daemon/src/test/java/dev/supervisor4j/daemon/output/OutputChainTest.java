package dev.supervisor4j.daemon.output;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.supervisor4j.daemon.testing.RecordingSyslog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class OutputChainTest {
  private static final String E = "\u001b";
  @TempDir Path dir;

  private Logger logger;
  private ListAppender<ILoggingEvent> mainLog;

  @BeforeEach
  void captureALogger() {
    logger = (Logger) LoggerFactory.getLogger("test.output-chain");
    logger.setAdditive(false);
    logger.setLevel(Level.DEBUG);
    mainLog = new ListAppender<>();
    mainLog.setContext(logger.getLoggerContext());
    mainLog.start();
    logger.addAppender(mainLog);
  }

  @AfterEach
  void release() {
    logger.detachAppender(mainLog);
    logger.setLevel(null);
  }

  private static void write(OutputSink sink, String s) throws IOException {
    byte[] b = s.getBytes(ISO_8859_1);
    sink.write(b, 0, b.length);
  }

  private List<String> messages() {
    List<String> out = new ArrayList<>();
    mainLog.list.forEach(e -> out.add(e.getFormattedMessage()));
    return out;
  }

  @Test
  void withOnlyAFileTheChainIsTheFile() throws IOException {
    try (RotatingLogFile file = RotatingLogFile.open(dir.resolve("a.log"), 0, 0)) {
      assertSame(file, OutputChain.forChannel("a", "stdout").logFile(file).build());
    }
  }

  @Test
  void fileCopyAndEventsGetTheStrippedChunk() throws IOException {
    List<String> events = new ArrayList<>();
    try (RotatingLogFile file = RotatingLogFile.open(dir.resolve("b.log"), 0, 0)) {
      OutputSink sink = OutputChain.forChannel("web", "stdout").logFile(file).stripAnsi(true)
          .mainLog(logger).logEvents(b -> events.add(new String(b, ISO_8859_1))).build();
      write(sink, E + "[32mok" + E + "[0m\n");
      sink.eof();
      assertEquals("ok\n", Files.readString(file.path()));
    }
    assertEquals(List.of("ok\n"), events);
    assertEquals(List.of("'web' stdout output:\nok\n"), messages());
  }

  @Test
  void undecodableChunksAreShownAsPythonBytes() throws IOException {
    OutputSink sink = OutputChain.forChannel("bin", "stderr").mainLog(logger).build();
    sink.write(new byte[] {'a', (byte) 0xff, '\n', '\''}, 0, 4);
    assertEquals(List.of("'bin' stderr output:\nUndecodable: b\"a\\xff\\n'\""), messages());
  }

  @Test
  void noDebugCopyAboveDebug() throws IOException {
    logger.setLevel(Level.INFO);
    OutputSink sink = OutputChain.forChannel("web", "stdout").mainLog(logger).build();
    write(sink, "quiet\n");
    assertEquals(List.of(), messages());
  }

  @Test
  void captureKeepsTokensAndCapturedBytesOutOfTheFile() throws IOException {
    List<String> events = new ArrayList<>();
    List<String> comms = new ArrayList<>();
    try (RotatingLogFile file = RotatingLogFile.open(dir.resolve("c.log"), 0, 0)) {
      OutputSink sink = OutputChain.forChannel("lst", "stdout").logFile(file).mainLog(logger)
          .logEvents(b -> events.add(new String(b, ISO_8859_1)))
          .capture(1024, b -> comms.add(new String(b, UTF_8))).build();
      write(sink, "one <!--XSUPERVISOR:BEGIN-->secret<!--XSUPERVISOR:END--> two\n");
      sink.eof();
      assertEquals("one  two\n", Files.readString(file.path()));
    }
    assertEquals(List.of("secret"), comms);
    assertEquals(List.of("one ", "secret", " two\n"), events); // events in capture mode too
    assertEquals(List.of("'lst' stdout output:\none ", "'lst' stdout output:\nsecret",
        "'lst' stdout emitted a comm event", "'lst' stdout output:\n two\n"), messages());
  }

  @Test
  void syslogGetsTheStrippedNormalOutputButNotWhatIsCaptured() throws IOException {
    RecordingSyslog syslog = new RecordingSyslog();
    OutputSink sink = OutputChain.forChannel("lst", "stderr").stripAnsi(true).syslog(syslog)
        .capture(1024, b -> { }).build();
    write(sink, E + "[1mone" + E + "[0m <!--XSUPERVISOR:BEGIN-->secret<!--XSUPERVISOR:END--> two\n");
    sink.eof();
    assertEquals(List.of("<14>lst one ", "<14>lst  two"), syslog.sent());
  }

  @Test
  void withNothingConfiguredThePipeIsStillDrained() throws IOException {
    OutputSink sink = OutputChain.forChannel("x", "stdout").build();
    write(sink, "gone");
    sink.eof();
  }
}
